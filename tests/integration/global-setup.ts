// Integration tests run against a real PostgreSQL: DATABASE_URL when set (CI also runs them
// against the machine's PostgreSQL 15 this way), else an embedded PostgreSQL 17 under
// .data/pg-test. A template database is migrated once; each worker clones it (worker-setup.ts).
import type { TestProject } from "vitest/node";
import { prepareTestServer } from "../support/test-db";

export default async function setup(project: TestProject) {
  const server = await prepareTestServer("yibao_it_template");
  project.provide("testServerUrl", server.serverUrl);
  project.provide("testTemplateDb", server.template);
  return async () => {
    await server.cleanup();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    testTemplateDb: string;
  }
}
