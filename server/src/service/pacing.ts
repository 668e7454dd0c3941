// How long work over many files keeps its turn: it yields to the event loop now and then, so that
// waiting requests (the open document's diagnostics) and cancellations get through, and it keeps
// a bounded number of reads in flight, which a remote file system answers in parallel.

/** Lets the event loop run what is waiting (messages, I/O, timers) before going on. */
export type YieldToEventLoop = () => Promise<void>;

/**
 * The portable yield: a timer, the same in Node and in a Web Worker (no setImmediate there). A
 * host with a quicker one gives it to the service (a timer waits a millisecond or more each time,
 * a second over a thousand files): Node's setImmediate (lsp/main.ts), a browser's message to itself
 * (lsp/browserMain.ts).
 */
export const yieldWithTimer: YieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs `work` on every item, at most `limit` at a time; resolves when all are done. */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
