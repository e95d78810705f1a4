type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** One JSON line per entry, so logs stay greppable and machine-readable. */
export function createLogger(level: Level = 'info'): Logger {
  const write = (at: Exclude<Level, 'silent'>) => (msg: string, data?: Record<string, unknown>) => {
    if (rank[at] < rank[level]) return;
    const line = JSON.stringify({ level: at, time: new Date().toISOString(), msg, ...data });
    (at === 'error' || at === 'warn' ? process.stderr : process.stdout).write(line + '\n');
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
