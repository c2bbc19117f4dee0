// Test databases: a migrated template (regions loaded) cloned per worker or per e2e run.
import pg from "pg";
import { ensureDatabase, migrateDeploy, startEmbedded } from "../../lib/db/bootstrap";
import { syncRegions } from "../../lib/regions/sync";

export const TEST_PG_PORT = Number(process.env.TEST_PG_PORT ?? 54330);
export const TEST_PG_DIR = process.env.TEST_PG_DIR ?? ".data/pg-test";

/** Server URL with the database part replaced. */
export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function prepareTestServer(template: string) {
  let serverUrl: string;
  let stop: () => Promise<void> = async () => undefined;
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    const handle = await startEmbedded(TEST_PG_DIR, TEST_PG_PORT);
    serverUrl = handle.url("postgres");
    stop = handle.stop;
  }
  const templateUrl = withDatabase(serverUrl, template);
  await dropDatabase(serverUrl, template);
  await ensureDatabase(templateUrl);
  await migrateDeploy(templateUrl);
  const client = new pg.Client({ connectionString: templateUrl });
  await client.connect();
  try {
    await syncRegions(client);
  } finally {
    await client.end();
  }
  return { serverUrl, template, cleanup: stop };
}

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

export async function dropDatabasesLike(serverUrl: string, pattern: string): Promise<void> {
  const names = await admin(
    serverUrl,
    async (c) =>
      (await c.query<{ datname: string }>("select datname from pg_database where datname like $1", [pattern])).rows,
  );
  for (const { datname } of names) await dropDatabase(serverUrl, datname);
}

/** A fresh database cloned from the template. */
export async function cloneDatabase(serverUrl: string, template: string, name: string): Promise<string> {
  await dropDatabase(serverUrl, name);
  await admin(serverUrl, (c) => c.query(`create database "${name}" template "${template}"`));
  return withDatabase(serverUrl, name);
}
