// One call that makes a database ready for the app: migrations, reference data (regions),
// complainant data still in clear encrypted (decision 012), and — when asked and the database is
// empty — demo data.
import pg from "pg";
import { migrateDeploy, ensureDatabase } from "../db/bootstrap";
import { createPrismaClient } from "../db/client";
import { syncRegions } from "../regions/sync";
import { seedDemo } from "../../prisma/seed/demo";
import { seedRegionGroups } from "../../prisma/seed/region-groups";
import { seedRoster } from "../../prisma/seed/roster";
import { seedAgreements } from "../../prisma/seed/agreements";
import { seedDemoSettlements } from "../../prisma/seed/settlements";
import { seedComplaintsDemo } from "../../prisma/seed/complaints";
import { encryptPendingIdentities } from "../complaints/identity";
import { piiKeyring } from "../crypto/keyring";
import { parseKeyring } from "../crypto/pii";

/**
 * `piiKeys`: the PII_KEYS the app will run with (the zero-setup start passes its generated ones);
 * default the setting. Asked only when there is personal data to encrypt.
 */
export async function prepareDatabase(url: string, opts: { demo: boolean; piiKeys?: string }): Promise<void> {
  const keys = () => (opts.piiKeys ? parseKeyring(opts.piiKeys) : piiKeyring());
  await ensureDatabase(url);
  await migrateDeploy(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const n = await syncRegions(client);
    process.stdout.write(`[db] regions in place: ${n}\n`);
    const encrypted = await encryptPendingIdentities(client, keys);
    if (encrypted) process.stdout.write(`[db] complaint identities still in clear, now encrypted: ${encrypted}\n`);
  } finally {
    await client.end();
  }
  if (opts.demo) {
    const prisma = createPrismaClient(url);
    try {
      if (await seedDemo(prisma)) process.stdout.write("[db] demo data loaded\n");
      if (await seedRegionGroups(prisma)) process.stdout.write("[db] demo region groups loaded\n");
    } finally {
      await prisma.$disconnect();
    }
    const roster = new pg.Client({ connectionString: url });
    await roster.connect();
    try {
      const started = Date.now();
      if (await seedRoster(roster)) process.stdout.write(`[db] demo roster loaded in ${Date.now() - started} ms\n`);
    } finally {
      await roster.end();
    }
    const agreements = createPrismaClient(url);
    try {
      if (await seedAgreements(agreements)) process.stdout.write("[db] demo agreements loaded\n");
    } finally {
      await agreements.$disconnect();
    }
    const settlementsStarted = Date.now();
    const settlements = await seedDemoSettlements(url);
    if (settlements !== null)
      process.stdout.write(`[db] demo settlements loaded: ${settlements} in ${Date.now() - settlementsStarted} ms\n`);
    const complaintsDb = createPrismaClient(url);
    try {
      if (await seedComplaintsDemo(complaintsDb, undefined, undefined, keys))
        process.stdout.write("[db] demo complaints loaded\n");
    } finally {
      await complaintsDb.$disconnect();
    }
  }
}
