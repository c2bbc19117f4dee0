// One call that makes a database ready for the app: migrations, reference data (regions),
// and — when asked and the database is empty — demo data.
import pg from "pg";
import { migrateDeploy, ensureDatabase } from "./bootstrap";
import { createPrismaClient } from "./client";
import { syncRegions } from "../regions/sync";
import { seedDemo } from "../../prisma/seed/demo";

export async function prepareDatabase(url: string, opts: { demo: boolean }): Promise<void> {
  await ensureDatabase(url);
  await migrateDeploy(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const n = await syncRegions(client);
    process.stdout.write(`[db] regions in place: ${n}\n`);
  } finally {
    await client.end();
  }
  if (opts.demo) {
    const prisma = createPrismaClient(url);
    try {
      if (await seedDemo(prisma)) process.stdout.write("[db] demo data loaded\n");
    } finally {
      await prisma.$disconnect();
    }
  }
}
