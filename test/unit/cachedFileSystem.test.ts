// What the server keeps of a slow file system (the editor's, in github.dev or over a remote): kept
// until the editor says a file changed, and never older than that word, even for a read that was
// on its way when it came.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CachedFileSystem } from '../../server/src/service/fileSystems';
import type { FileContent, WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';

/** A file system whose reads wait until the test lets them answer, with the text as it was when asked. */
function slowFileSystem(initial: Record<string, string>) {
  const texts = new Map(Object.entries(initial));
  const waiting: Array<() => void> = [];
  let reads = 0;
  const inner: WorkspaceFileSystem = {
    stat: async (uri) => (texts.has(uri) ? { kind: 'file', size: texts.get(uri)!.length, mtime: 1 } : undefined),
    readDirectory: async () => undefined,
    findMarkdownFiles: async () => ({ uris: [], truncated: false }),
    readFile: (uri) => {
      reads++;
      const text = texts.get(uri);
      return new Promise<FileContent>((resolve) =>
        waiting.push(() => resolve(text === undefined ? { kind: 'missing' } : { kind: 'text', text, stat: { kind: 'file', size: text.length, mtime: reads } })),
      );
    },
  };
  return {
    inner,
    write: (uri: string, text: string) => void texts.set(uri, text),
    /** Lets every read asked so far answer. */
    answerAll: () => waiting.splice(0).forEach((answer) => answer()),
    reads: () => reads,
  };
}

const textOf = (content: FileContent) => (content.kind === 'text' ? content.text : content.kind);

describe('the file system that keeps what a slow one answered', () => {
  it('answers a file again from what it read, until the editor says it changed', async () => {
    const slow = slowFileSystem({ 'vscode-vfs://github/acme/h/a.md': 'one' });
    const fs = new CachedFileSystem(slow.inner);
    const first = fs.readFile('vscode-vfs://github/acme/h/a.md');
    slow.answerAll();
    assert.equal(textOf(await first), 'one');
    slow.write('vscode-vfs://github/acme/h/a.md', 'two');
    assert.equal(textOf(await fs.readFile('vscode-vfs://github/acme/h/a.md')), 'one', 'no word of a change yet: kept');
    assert.equal(slow.reads(), 1);
    fs.filesChanged(['vscode-vfs://github/acme/h/a.md']);
    const again = fs.readFile('vscode-vfs://github/acme/h/a.md');
    slow.answerAll();
    assert.equal(textOf(await again), 'two');
  });

  it('does not hand a read that began before a change to a request made after it, nor keep it', async () => {
    const slow = slowFileSystem({ 'vscode-vfs://github/acme/h/a.md': 'old' });
    const fs = new CachedFileSystem(slow.inner);
    const before = fs.readFile('vscode-vfs://github/acme/h/a.md');
    slow.write('vscode-vfs://github/acme/h/a.md', 'new');
    fs.filesChanged(['vscode-vfs://github/acme/h/a.md']);
    const after = fs.readFile('vscode-vfs://github/acme/h/a.md');
    slow.answerAll();
    assert.equal(textOf(await before), 'old', 'the read asked before the change answers what it found');
    assert.equal(textOf(await after), 'new', 'the read asked after the change is not joined to it');
    const later = await fs.readFile('vscode-vfs://github/acme/h/a.md');
    slow.answerAll();
    assert.equal(textOf(later), 'new', 'and the old text is not what is kept');
    assert.equal(slow.reads(), 2);
  });

  it('forgets the files under a folder the editor says changed', async () => {
    const slow = slowFileSystem({ 'vscode-vfs://github/acme/h/team/a.md': 'one', 'vscode-vfs://github/acme/h/other.md': 'x' });
    const fs = new CachedFileSystem(slow.inner);
    const reads = [fs.readFile('vscode-vfs://github/acme/h/team/a.md'), fs.readFile('vscode-vfs://github/acme/h/other.md')];
    slow.answerAll();
    await Promise.all(reads);
    slow.write('vscode-vfs://github/acme/h/team/a.md', 'two');
    fs.filesChanged(['vscode-vfs://github/acme/h/team']);
    const again = fs.readFile('vscode-vfs://github/acme/h/team/a.md');
    slow.answerAll();
    assert.equal(textOf(await again), 'two');
    assert.equal(textOf(await fs.readFile('vscode-vfs://github/acme/h/other.md')), 'x');
    assert.equal(slow.reads(), 3, 'the file outside the folder is not read again');
  });
});
