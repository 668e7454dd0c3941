// A folder's .goal-docs.json: read through the file-system port (so in a browser too), parsed with
// the places of its keys, and held to the settings' schema. The editor and `goal-docs check` read
// it alike; its problems name the file, the key and what was expected, and everything valid in it
// still applies. Invalid JSON applies nothing (the editor's settings stand).
import { type Node, parseTree, findNodeAtLocation, getNodeValue, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { WorkspaceFileSystem } from '../workspace/fileSystem';
import { computeLineStarts, positionAt } from '../model/text';
import { describeProblem, isObject, problemText, readSettingsLayer, type SettingsLayer, type SettingsProblem } from './schema';

export const CONFIG_FILE_NAME = '.goal-docs.json';
/** A settings file is a few hundred bytes; a larger one is refused rather than read into memory. */
const MAX_CONFIG_BYTES = 1_000_000;

/** A problem of a settings file, with the span of the key or value it is about. */
export interface ConfigProblem extends SettingsProblem {
  offset: number;
  length: number;
  /** The file's JSON cannot be read: nothing of the file applies. */
  fatal?: boolean;
}

export interface ConfigFileRead {
  uri: string;
  /** `none`: there is no such file; `invalid`: its JSON cannot be read; `unreadable`: the file system refused it. */
  kind: 'none' | 'read' | 'invalid' | 'unreadable';
  /** The valid settings it holds. */
  layer: SettingsLayer;
  problems: ConfigProblem[];
  /** The file's text, where it was read (positions of its problems, the CLI's cache key). */
  text?: string;
}

const NO_SETTINGS: SettingsLayer = {};

function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The span a problem at `path` is about: the key of a key that does not belong, else the value. */
function spanOf(root: Node | undefined, p: SettingsProblem): { offset: number; length: number } {
  const node = root && findNodeAtLocation(root, p.path);
  if (!node) return root ? { offset: root.offset, length: 1 } : { offset: 0, length: 0 };
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return p.key && key ? { offset: key.offset, length: key.length } : { offset: node.offset, length: node.length };
}

/**
 * The settings of a settings file's text: at its top level, or in a `goalDocs` object alone (as
 * the editor's settings nest them), with `$schema` beside either.
 */
export function parseConfigText(text: string): Pick<ConfigFileRead, 'kind' | 'layer' | 'problems'> {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length || !root) {
    const first = errors[0];
    const message = first ? `${words(printParseErrorCode(first.error))}: the file is not valid JSON` : 'the file is empty: it must hold a JSON object';
    return { kind: 'invalid', layer: NO_SETTINGS, problems: [{ path: [], message, offset: first?.offset ?? 0, length: first?.length ?? 0, fatal: true }] };
  }
  const value: unknown = getNodeValue(root);
  const problems: SettingsProblem[] = [];
  let read: { layer: SettingsLayer; problems: SettingsProblem[] };
  if (isObject(value) && Object.hasOwn(value, 'goalDocs')) {
    for (const key of Object.keys(value)) {
      if (key !== 'goalDocs' && key !== '$schema') problems.push({ path: [key], key: true, message: 'is beside goalDocs: put every setting in goalDocs, or none there' });
    }
    read = readSettingsLayer(value.goalDocs, ['goalDocs']);
  } else if (isObject(value)) {
    const settings = { ...value };
    delete settings.$schema;
    read = readSettingsLayer(settings);
  } else {
    read = { layer: NO_SETTINGS, problems: [{ path: [], message: `${JSON.stringify(value)} is not an object of settings` }] };
  }
  problems.push(...read.problems);
  return { kind: 'read', layer: read.layer, problems: problems.map((p) => ({ ...p, ...spanOf(root, p) })) };
}

/** Reads a settings file through the port. */
export async function readConfigFile(fileSystem: WorkspaceFileSystem, uri: string): Promise<ConfigFileRead> {
  const content = await fileSystem.readFile(uri, { maxBytes: MAX_CONFIG_BYTES });
  if (content.kind === 'missing') return { uri, kind: 'none', layer: NO_SETTINGS, problems: [] };
  if (content.kind !== 'text' || content.stat.kind !== 'file') {
    const why = content.kind === 'too-large' ? `it has ${content.size} bytes, more than a settings file holds (${MAX_CONFIG_BYTES})` : content.kind === 'unreadable' ? content.reason : 'it is not a file';
    return { uri, kind: 'unreadable', layer: NO_SETTINGS, problems: [{ path: [], message: `cannot be read: ${why}`, offset: 0, length: 0, fatal: true }] };
  }
  return { uri, text: content.text, ...parseConfigText(content.text) };
}

/** A problem as one line: `.goal-docs.json: rules.x.y: is not a rule code (…); ignored.` `name` names the file. */
export function configProblemText(name: string, p: ConfigProblem, text?: string): string {
  if (!p.fatal) return problemText(name, p);
  if (text === undefined) return `${name}: ${p.message}.`;
  const at = positionAt(computeLineStarts(text), p.offset);
  return `${name}: line ${at.line + 1}, column ${at.character + 1}: ${p.message}.`;
}

/** A problem where the diagnostic's range already shows the file: `rules: "x.y" is not a rule code (…); ignored.` */
function placed(p: ConfigProblem): string {
  const { place, message } = describeProblem(p);
  return `${place ? `${place}: ` : ''}${message}; ignored.`;
}

/** The problems of a settings file as diagnostics on it, each on its key or value, for the editor's Problems panel. */
export function configDiagnostics(read: ConfigFileRead, source: string): Diagnostic[] {
  const lineStarts = computeLineStarts(read.text ?? '');
  return read.problems.map((p) => ({
    range: { start: positionAt(lineStarts, p.offset), end: positionAt(lineStarts, p.offset + p.length) },
    severity: p.fatal ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source,
    code: p.fatal ? 'config.unreadable' : 'config.ignored',
    // The place is the diagnostic's own; the message says what is wrong there.
    message: p.fatal ? `${p.message}; none of it applies, your editor settings do.` : placed(p),
  }));
}
