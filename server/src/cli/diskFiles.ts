// LinkedFiles on disk, for the CLI: stat and parse other files once per modification time.
import { readFileSync, statSync } from 'node:fs';
import { fsPathOf } from '../uris';
import type { LinkedFiles } from '../linkedFiles';
import type { GoalDoc } from '../model/types';
import { buildGoalDoc } from '../model/build';

export class DiskFiles implements LinkedFiles {
  private readonly models = new Map<string, { mtime: number; doc: GoalDoc }>();

  constructor(private readonly maxFileSize: number) {}

  stat(uri: string): 'file' | 'directory' | undefined {
    try {
      const p = fsPathOf(uri);
      if (!p) return undefined;
      const s = statSync(p);
      return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : undefined;
    } catch {
      return undefined;
    }
  }

  model(uri: string): GoalDoc | undefined {
    try {
      const path = fsPathOf(uri);
      if (!path) return undefined;
      const s = statSync(path);
      if (!s.isFile() || s.size > this.maxFileSize) return undefined;
      const cached = this.models.get(uri);
      if (cached && cached.mtime === s.mtimeMs) return cached.doc;
      const doc = buildGoalDoc(readFileSync(path, 'utf8'), { uri, version: s.mtimeMs });
      this.models.set(uri, { mtime: s.mtimeMs, doc });
      return doc;
    } catch {
      return undefined;
    }
  }
}
