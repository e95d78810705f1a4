/**
 * At most `width` tasks at a time, the rest waiting in order. Bursts of background reads (a
 * thousand tabs reconnecting) go through a narrow lane so they never fill the database's queue
 * or pool ahead of the requests people are waiting on.
 */
export interface Lane {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createLane(width: number): Lane {
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finishing task hands its slot straight to the next in line, so a newcomer cannot jump it.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    async run(task) {
      if (running < width) running += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
