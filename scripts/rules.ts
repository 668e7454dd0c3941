// `npm run rules:write`: writes what is generated from the rules' declarations
// (server/src/diagnostics/rules.ts) and the settings' schema (server/src/settings/schema.ts):
// package.json's settings, the JSON schema of .goal-docs.json, and README's rule and quick-fix
// tables (between their `<!-- … -->` markers).
// `--check` writes nothing and exits 1 naming each file that differs: test/unit/rules.test.ts
// runs that check, so a rule declared or changed in one place and not written out fails the tests.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULE_LIST } from '../server/src/diagnostics/rules';
import { ruleDescription } from '../server/src/settings/schema';
import { CONFIG_SCHEMA_PATH, configFileSchema, vscodeSettings } from '../server/src/settings/jsonSchema';

export interface GeneratedFile {
  /** Relative to the repository. */
  path: string;
  text: string;
}

function packageJson(text: string): string {
  const pkg = JSON.parse(text) as { contributes: { configuration: { properties: unknown } } };
  pkg.contributes.configuration.properties = vscodeSettings();
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** A Markdown table cell: its own `|` escaped, on one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function ruleTable(): string[] {
  return [
    '| Code | Meaning | Default | Quick fix |',
    '| --- | --- | --- | --- |',
    ...RULE_LIST.map((r) => `| \`${r.code}\` | ${cell(ruleDescription(r))} | ${r.severity} | ${Object.keys(r.fixes).length ? 'yes' : 'no'} |`),
  ];
}

function fixTable(): string[] {
  const fixable = RULE_LIST.filter((r) => Object.keys(r.fixes).length > 0);
  return ['| Diagnostic | Fix |', '| --- | --- |', ...fixable.map((r) => `| \`${r.code}\` | ${cell(Object.values<string>(r.fixes).join('; '))} |`)];
}

/** Replaces the lines between `<!-- name:begin -->` and `<!-- name:end -->`. */
function between(text: string, name: string, lines: string[]): string {
  const begin = `<!-- ${name}:begin (npm run rules:write) -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${begin} … ${end} block`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return text.slice(0, from + begin.length) + eol + lines.join(eol) + eol + text.slice(to);
}

function readme(text: string): string {
  return between(between(text, 'rules', ruleTable()), 'fixes', fixTable());
}

/** Every generated file as it should read, from the files as they are (`repo` is the repository's folder). */
export function generatedFiles(repo: string): GeneratedFile[] {
  const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');
  return [
    { path: 'package.json', text: packageJson(read('package.json')) },
    { path: 'README.md', text: readme(read('README.md')) },
    { path: CONFIG_SCHEMA_PATH, text: `${JSON.stringify(configFileSchema(), null, 2)}\n` },
  ];
}

/** The generated files whose text on disk differs from what the declarations give. */
export function staleFiles(repo: string): string[] {
  return generatedFiles(repo).flatMap((f) => {
    let current: string | undefined;
    try {
      current = readFileSync(path.join(repo, f.path), 'utf8');
    } catch {
      current = undefined;
    }
    return current === f.text ? [] : [f.path];
  });
}

function main(): void {
  const repo = path.resolve(__dirname, '..');
  if (process.argv.includes('--check')) {
    const stale = staleFiles(repo);
    if (stale.length) {
      console.error(`rules: ${stale.join(', ')} differ from the rules' declarations; run npm run rules:write`);
      process.exit(1);
    }
    return;
  }
  for (const f of generatedFiles(repo)) {
    mkdirSync(path.dirname(path.join(repo, f.path)), { recursive: true });
    writeFileSync(path.join(repo, f.path), f.text);
  }
}

if (require.main === module) main();
