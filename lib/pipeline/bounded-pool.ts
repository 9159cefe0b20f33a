/**
 * Runs `work` on every item with at most `limit` running at a time, starting each next item
 * as soon as one finishes; the results come back in the order of the items.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

/**
 * A gate that lets at most `limit` pieces of work run at once, each next one in the order
 * they came, when one ends: for what must be bounded across tasks that run anyway (one
 * `terraform init` at a time, the applies of a throttled service).
 */
export function atMost(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    // A piece of work that ends hands its place to the next in line, so `running` counts places taken.
    if (running < limit) running++;
    else await new Promise<void>((start) => waiting.push(start));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
