// Integration tests run against a real PostgreSQL: DATABASE_URL when set (CI also runs them
// against the machine's PostgreSQL 15 this way), else an embedded PostgreSQL 17 under
// .data/pg-test. A template database is migrated once; each worker clones it (worker-setup.ts).
import type { TestProject } from "vitest/node";
import { dropDatabasesLike, prepareTestServer } from "../support/test-db";

export default async function setup(project: TestProject) {
  // Names unique to this run, so two runs against one server never drop each other's databases.
  const runId = `${process.pid}`;
  const server = await prepareTestServer(`yibao_it_${runId}_template`);
  project.provide("testServerUrl", server.serverUrl);
  project.provide("testTemplateDb", server.template);
  project.provide("testRunId", runId);
  return async () => {
    await dropDatabasesLike(server.serverUrl, `yibao_it_${runId}_%`);
    await server.cleanup();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    testTemplateDb: string;
    testRunId: string;
  }
}
