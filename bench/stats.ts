// Timing and heap helpers shared by the bench's processes.
import * as v8 from 'node:v8';

export interface Timing {
  runs: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
  maxMs: number;
}

export function summarize(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { runs: s.length, medianMs: median, p90Ms: at(0.9), minMs: s[0], maxMs: s[s.length - 1] };
}

export interface RunPlan {
  /** Stop after this many runs… */
  maxRuns: number;
  /** …or once this much time went by, but never before minRuns. */
  budgetMs: number;
  minRuns: number;
}

/** Runs `op` repeatedly by the plan; `op` returns the milliseconds it measured itself. */
export async function repeat(plan: RunPlan, op: (run: number) => Promise<number> | number): Promise<Timing> {
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < plan.maxRuns && (samples.length < plan.minRuns || performance.now() - started < plan.budgetMs)) {
    samples.push(await op(samples.length));
  }
  return summarize(samples);
}

export const hasGc = typeof globalThis.gc === 'function';

export function collect(): void {
  globalThis.gc?.();
  globalThis.gc?.();
}

export interface HeapProbe {
  /** heapUsed after a full GC, before the operation. */
  baseline: number;
  profiler: v8.GCProfiler;
}

/** Full GC, then starts watching every GC so the operation's peak can be read afterwards. */
export function startHeapProbe(): HeapProbe {
  collect();
  const baseline = process.memoryUsage().heapUsed;
  const profiler = new v8.GCProfiler();
  profiler.start();
  return { baseline, profiler };
}

export interface HeapUse {
  /** Highest heapUsed seen during the operation (before any GC, or at its end), minus baseline. */
  peakBytes: number;
  /** heapUsed after a full GC with the result still referenced, minus baseline. */
  retainedBytes: number;
}

/** Call while the operation's result is still referenced. */
export function finishHeapProbe(probe: HeapProbe): HeapUse {
  const atEnd = process.memoryUsage().heapUsed;
  const report = probe.profiler.stop() as { statistics?: { beforeGC: { heapStatistics: { usedHeapSize: number } } }[] } | undefined;
  let peak = atEnd;
  for (const s of report?.statistics ?? []) peak = Math.max(peak, s.beforeGC.heapStatistics.usedHeapSize);
  collect();
  const retained = process.memoryUsage().heapUsed;
  return { peakBytes: peak - probe.baseline, retainedBytes: retained - probe.baseline };
}

export function ms(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '—';
  if (n >= 10_000) return `${(n / 1000).toFixed(1)} s`;
  if (n >= 100) return `${n.toFixed(0)} ms`;
  if (n >= 1) return `${n.toFixed(1)} ms`;
  return `${n.toFixed(2)} ms`;
}

export function bytes(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '—';
  if (Math.abs(n) >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (Math.abs(n) >= 1 << 10) return `${(n / (1 << 10)).toFixed(0)} KiB`;
  return `${n} B`;
}
