// link.file-missing and link.file-anchor-missing: relative links to other files.
import type { GoalDoc } from '../model/types';
import { isRelativeFileLink, type LinkedFiles, resolveLinkTarget } from '../workspace/linkedFiles';
import { hasFolder, isMarkdownPath } from '../workspace/uris';
import { resolveAnchor, closestHeadings } from './anchors';
import { type FindingOf, quote } from './finding';
import { defineRule } from './rule';

/** A relative link that starts with a host name (`ssci.io/notes`, `www.example.org`): a web address without its scheme. */
const WEB_ADDRESS = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|app|gov|edu|ai|co|info|me|uk|de|fr|ca|eu)(?:\/|$)/i;

export const linkFileMissing = defineRule({
  code: 'link.file-missing',
  severity: 'error',
  meaning: 'A relative link to a file that does not exist (`page`, `page.md`, `page/index.md` all count).',
  fixes: {},
  data: { path: 'string' },
});

export const linkFileAnchorMissing = defineRule({
  code: 'link.file-anchor-missing',
  severity: 'error',
  meaning: 'A relative link `other.md#anchor` whose anchor matches no heading of that file.',
  fixes: {},
  data: { path: 'string', fragment: 'string', targetUri: 'string', candidates: 'string[]' },
});

export const fileLinkRules = [linkFileMissing, linkFileAnchorMissing] as const;
type FileLinkFinding = FindingOf<(typeof fileLinkRules)[number]>;

export function fileLinkFindings(doc: GoalDoc, files: LinkedFiles | undefined, isCancelled: () => boolean): FileLinkFinding[] {
  // An untitled document has no folder for a relative link to start from.
  if (!files || !hasFolder(doc.uri)) return [];
  const findings: FileLinkFinding[] = [];
  for (const link of doc.links) {
    if (isCancelled()) break;
    if (!isRelativeFileLink(link.path, link.external)) continue;
    const target = resolveLinkTarget(files, doc.uri, link.path);
    if (!target) {
      const pathSpanEnd = link.fragmentSpan ? link.fragmentSpan.start - 1 : link.hrefSpan.end;
      const range = { start: link.hrefRange.start, end: { line: link.hrefRange.start.line, character: link.hrefRange.start.character + (pathSpanEnd - link.hrefSpan.start) } };
      findings.push({
        code: 'link.file-missing',
        range,
        message: `Link target ${quote(link.path)} does not exist${WEB_ADDRESS.test(link.path) ? '; a web address needs https:// in front, or it reads as a file beside this page' : ''}`,
        data: { path: link.path },
      });
      continue;
    }
    if (!link.fragment || target.kind !== 'file' || !isMarkdownPath(target.uri)) continue;
    const other = files.anchors(target.uri);
    if (!other || resolveAnchor(other, link.fragment)) continue;
    const candidates = closestHeadings(other, link.fragment);
    findings.push({
      code: 'link.file-anchor-missing',
      range: link.fragmentRange ?? link.hrefRange,
      message: `${quote(link.path)} has no heading with the anchor #${link.fragment}` + (candidates.length ? `; did you mean #${candidates[0].slug}?` : ''),
      data: { path: link.path, fragment: link.fragment, targetUri: target.uri, candidates: candidates.map((h) => h.slug) },
      relatedInformation: candidates.map((h) => ({ location: { uri: target.uri, range: h.textRange }, message: `Heading ${quote(h.text)} has the anchor #${h.slug}` })),
    });
  }
  return findings;
}
