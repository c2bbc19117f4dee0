// Minimal structured logger (JSON lines on stdout/stderr). Never pass secrets or personal
// identifiers here; callers log ids, not contents.
import { env } from "./env";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

function write(level: Level, msg: string, extra?: unknown) {
  if (LEVELS[level] < LEVELS[env().LOG_LEVEL]) return;
  const err =
    extra instanceof Error ? { error: extra.message, stack: extra.stack } : extra !== undefined ? { extra } : {};
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...err });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const logger = {
  debug: (msg: string, extra?: unknown) => write("debug", msg, extra),
  info: (msg: string, extra?: unknown) => write("info", msg, extra),
  warn: (msg: string, extra?: unknown) => write("warn", msg, extra),
  error: (msg: string, extra?: unknown) => write("error", msg, extra),
};
