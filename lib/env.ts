// The only reader of process.env: parsed once with zod so a bad setting fails at boot,
// with a message naming the variable.
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().trim().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  EMBEDDED_PG_DIR: z.string().default(".data/pg"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().default(8),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";

export function embeddedUrl(database = "yibao", port = env().EMBEDDED_PG_PORT): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL started by scripts/db.ts. */
export function databaseUrl(): string {
  return env().DATABASE_URL ?? embeddedUrl();
}
