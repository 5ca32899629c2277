import "server-only";
/**
 * Answers the server prepares before anyone asks: after a read, the reads a reader is likely to make
 * next (for a graph, the slider's neighbouring dates) are computed in the background and kept
 * (cache.ts), so the step that asks for one finds it ready. The explorer reads ahead itself, but
 * only once the date it shows is drawn; the server starts as soon as it has answered, and an answer
 * it is computing is shared with the request that then asks for it.
 *
 * One read at a time, only while no request of a reader is being answered (at 100,000
 * relationships a graph takes half a second to compute, and the page's own requests come first),
 * the newest reader's neighbours first; at most MAX_WAITING wait, the oldest are forgotten.
 * Failures are ignored: the request that asks for the answer itself meets them and reports them.
 */

const MAX_WAITING = 8;

interface Job {
  url: string;
  run: (url: string) => Promise<void>;
}

const waiting: Job[] = [];
let running: Promise<void> | null = null;
/** Readers' requests being answered now, and the read ahead waiting for there to be none. */
let answering = 0;
let whenIdle: (() => void)[] = [];

/** Answers a reader's request: reading ahead waits until no such request is being answered. */
export async function answeringReader<T>(answer: () => Promise<T>): Promise<T> {
  answering++;
  try {
    return await answer();
  } finally {
    if (--answering === 0) {
      const waiters = whenIdle;
      whenIdle = [];
      for (const w of waiters) w();
    }
  }
}

/** Reads these URLs in the background, through `run` (the route, so the answer is kept as any other). */
export function readAhead(urls: string[], run: (url: string) => Promise<void>) {
  if (process.env.READ_AHEAD === "0" || urls.length === 0) return;
  // Newest first, each once; the oldest waiting are forgotten past the bound.
  const fresh = urls.filter((u, i) => urls.indexOf(u) === i);
  for (let i = waiting.length - 1; i >= 0; i--) if (fresh.includes(waiting[i]!.url)) waiting.splice(i, 1);
  waiting.unshift(...fresh.map((url) => ({ url, run })));
  waiting.length = Math.min(waiting.length, MAX_WAITING);
  running ??= drain();
}

async function drain(): Promise<void> {
  try {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      while (answering > 0) await new Promise<void>((resolve) => whenIdle.push(resolve));
      const job = waiting.shift();
      if (!job) return;
      await job.run(job.url).catch(() => undefined);
    }
  } finally {
    running = null;
  }
}

/** For tests: resolves once nothing is waiting or being read. */
export async function readAheadSettled(): Promise<void> {
  while (running) await running;
}
