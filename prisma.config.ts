// Prisma CLI configuration. Uses the JS schema engine with the pg driver adapter so that
// no engine binary has to be downloaded (these machines reach only the npm registry).
// See docs/decisions/001-database.md.
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/env";

// prisma/orm#27403 (fixed only in 7.x): the JS schema engine cannot deserialise pg_catalog
// columns of type `name` (OID 19) and `"char"` (OID 18). Relabel them as text (OID 25).
type Field = { dataTypeID: number };
const ResultProto = (pg as unknown as { Result: { prototype: { addFields(f: Field[]): void } } }).Result.prototype;
const originalAddFields = ResultProto.addFields;
ResultProto.addFields = function addFields(fields: Field[]) {
  for (const f of fields) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
  return originalAddFields.call(this, fields);
};

// @prisma/adapter-pg 6.19's executeScript splits a migration at every ";" — inside a function
// body or a string too — and runs the pieces one by one outside any transaction. Send the whole
// script as one simple-protocol query instead: PostgreSQL parses it properly (dollar quotes,
// plpgsql bodies) and runs it in one implicit transaction, so a failing migration leaves nothing.
type ScriptAdapter = { client: pg.Pool; onError(e: unknown): never };
function wholeScripts(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const proto = Object.getPrototypeOf(adapter) as { executeScript(script: string): Promise<void> };
    proto.executeScript = async function executeScript(this: ScriptAdapter, script: string) {
      try {
        await this.client.query(script);
      } catch (e) {
        this.onError(e);
      }
    };
    return adapter;
  };
  return factory;
}

// Without a resolvable DATABASE_URL, `prisma generate` falls back to downloading an engine.
process.env.DATABASE_URL ??= databaseUrl();
const url = new URL(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // Separate fields, not a connection string: for the shadow database the adapter overrides
    // `database`, and a connection string would silently win over it.
    return wholeScripts(
      new PrismaPg({
        host: url.hostname,
        port: Number(url.port || 5432),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        database: url.pathname.slice(1),
        idleTimeoutMillis: 500,
      }),
    );
  },
});
