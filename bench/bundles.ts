// What ships, by size: the bundles of dist/ (the desktop client and server, the browser's, the CLI) (bytes, and gzipped as a download would carry
// them), the .vsix that `npm run vsix` packages from them, and the npm tarball of the CLI.
// Measured as dist/ is built: `npm run bench` builds it for production first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

const repo = path.join(__dirname, '..');
export const BUNDLES = ['client.js', 'server.js', 'browser/client.js', 'browser/server.js', 'cli.js'] as const;

export interface BundleSizes {
  /** `production` unless a development build's source maps are beside the bundles. */
  build: 'production' | 'development';
  bundles: Array<{ file: string; bytes: number; gzipBytes: number }>;
  vsix?: { bytes: number; files: number } | { error: string };
  npm?: { bytes: number; files: number } | { error: string };
}

/** The number of entries of a zip file, from its end-of-central-directory record. */
export function zipEntries(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) return zip.readUInt16LE(i + 10);
  }
  throw new Error('not a zip file: no end-of-central-directory record');
}

function packageVsix(): BundleSizes['vsix'] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goal-docs-bench-vsix-'));
  try {
    const out = path.join(dir, 'goal-docs.vsix');
    const r = spawnSync(process.execPath, [path.join(repo, 'scripts', 'vsix.mjs'), '--out', out], { cwd: repo, encoding: 'utf8' });
    if (r.status !== 0) return { error: `npm run vsix failed: ${r.stderr.trim().split('\n').pop() ?? r.status}` };
    return { bytes: statSync(out).size, files: zipEntries(readFileSync(out)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function packNpm(): BundleSizes['npm'] {
  // --ignore-scripts: the tarball of dist/cli.js as built, not a new production build (prepack).
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) return { error: `npm pack failed: ${r.stderr.trim().split('\n').pop() ?? r.status}` };
  const [pack] = JSON.parse(r.stdout) as Array<{ size: number; entryCount: number }>;
  return { bytes: pack!.size, files: pack!.entryCount };
}

export function measureBundles(): BundleSizes {
  const dist = path.join(repo, 'dist');
  const bundles = BUNDLES.filter((f) => existsSync(path.join(dist, f))).map((file) => {
    const text = readFileSync(path.join(dist, file));
    return { file: `dist/${file}`, bytes: text.length, gzipBytes: gzipSync(text, { level: 9 }).length };
  });
  const build = BUNDLES.some((f) => existsSync(path.join(dist, `${f}.map`))) ? 'development' : 'production';
  return { build, bundles, vsix: packageVsix(), npm: packNpm() };
}
