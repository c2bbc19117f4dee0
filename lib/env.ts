// The only reader of process.env: parsed once with zod so a bad setting fails at boot,
// with a message naming the variable.
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().trim().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  EMBEDDED_PG_DIR: z.string().default(".data/pg"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /**
   * Keys of the complainant data encrypted at rest: `id:base64,id:base64,…` (32 random bytes
   * each), the first encrypts, all decrypt (decision 012). The same on every instance.
   */
  PII_KEYS: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/_-]{43}=?(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/_-]{43}=?)*$/,
      "expected id:base64-of-32-bytes[,id:base64…]",
    )
    .optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().default(8),
  /** Failed sign-ins of one account name from one address before that pair has to wait. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** The longest wait (minutes) the growing delay reaches. */
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Sign-in attempts per client address per 5 minutes (an office behind one NAT shares it). */
  SIGNIN_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(300),
  /** API requests per minute per user or token, and per client address (429 beyond). */
  API_USER_LIMIT: z.coerce.number().int().min(1).default(600),
  API_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(6000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  // ---- scale-out (docs/decisions/010-scale-out.md, docs/operations.md) ----
  /** Worker processes of server.ts; default one per core. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Read replicas, comma-separated URLs: dashboards, lists and exports read from them. */
  DATABASE_REPLICA_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((u) => u.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(z.url({ protocol: /^postgres(ql)?$/ }))),
  /** A replica further behind the primary than this is not read from (the primary answers). */
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(5_000),
  /** Connections per process: Prisma's pool and the plain pg pool (docs/operations.md). */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** `false`: this process never runs the periodic jobs (they still run once per tick elsewhere). */
  RUN_JOBS: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Period of the periodic jobs (SLA sweep, daily reports, agreement expiry). */
  JOB_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /**
   * `true` behind a balancer that sets X-Forwarded-For / -Proto / -Host (and strips what clients
   * send): only then are they believed — for the client address (audit, rate limits), HTTPS
   * (HSTS, Secure cookies) and the same-origin check.
   */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /**
   * The console's public URL (next-auth's own setting). `https://…`: session cookies are `Secure`
   * (and named `__Secure-…`) and every answer carries Strict-Transport-Security.
   */
  NEXTAUTH_URL: z.url().optional(),
  /** Name of this instance in logs, job_run and the X-Instance header (default: host name). */
  INSTANCE_NAME: z.string().trim().min(1).max(60).optional(),
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

/** DATABASE_URL when set; otherwise the embedded PostgreSQL (lib/db/bootstrap.ts, started by scripts/start.ts and the test setups). */
export function databaseUrl(): string {
  return env().DATABASE_URL ?? embeddedUrl();
}
