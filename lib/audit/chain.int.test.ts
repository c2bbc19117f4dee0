// The tamper-evident audit log against a real PostgreSQL: the application cannot change or
// remove a row, sealing chains the rows, and verification (the library and `npm run
// audit:verify`) names the first row changed behind the trigger's back.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { prisma } from "../db/client";
import { pgPool } from "../db/pg";
import { sealAudit, verifyAudit } from "./chain";

async function writeRows(n: number): Promise<bigint[]> {
  const ids: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const row = await prisma.auditLog.create({
      data: {
        actorName: "审计测试",
        action: "UPDATE",
        entityType: "User",
        entityId: `chain-${i}`,
        after: { n: i, 名称: "值" },
      },
    });
    ids.push(row.id);
  }
  return ids;
}

describe("the audit log is append-only", () => {
  it("the application's UPDATE and DELETE of a row are refused, before and after sealing", async () => {
    const [id] = await writeRows(1);
    await expect(prisma.auditLog.update({ where: { id: id! }, data: { actorName: "改过" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditLog.delete({ where: { id: id! } })).rejects.toThrow(/append-only/);
    await sealAudit();
    await expect(pgPool().query("UPDATE audit_log SET after = '{}' WHERE id = $1", [String(id)])).rejects.toThrow(
      /append-only/,
    );
    // Not even the sealer's columns, once sealed.
    await expect(pgPool().query("UPDATE audit_log SET hash = '\\x00' WHERE id = $1", [String(id)])).rejects.toThrow(
      /append-only/,
    );
    await expect(pgPool().query("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    expect(await prisma.auditLog.count({ where: { id: id! } })).toBe(1);
  });
});

describe("the hash chain", () => {
  it("seals new rows in order and holds; a row changed behind the trigger's back is named, by the library and by npm run audit:verify", async () => {
    const ids = await writeRows(5);
    expect(await sealAudit()).toBeGreaterThanOrEqual(5);
    const ok = await verifyAudit();
    expect(ok.broken).toBeNull();
    expect(ok.unsealed).toBe(0);

    const victim = String(ids[2]);
    const { rows } = await pgPool().query<{ seq: string; after: unknown }>(
      "SELECT seq::text, after FROM audit_log WHERE id = $1",
      [victim],
    );
    const tamper = async (after: unknown) => {
      const c = await pgPool().connect();
      try {
        await c.query("BEGIN");
        await c.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
        await c.query("UPDATE audit_log SET after = $2 WHERE id = $1", [victim, JSON.stringify(after)]);
        await c.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        await c.query("COMMIT");
      } finally {
        c.release();
      }
    };
    await tamper({ n: 99 });
    try {
      expect((await verifyAudit()).broken).toEqual({ seq: Number(rows[0]!.seq), id: victim, problem: "content" });
      const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", "--no-seal"], {
        encoding: "utf8",
      });
      expect(cli.status).toBe(1);
      expect(cli.stdout).toContain(`BROKEN at chain position ${rows[0]!.seq} (audit_log.id ${victim})`);
    } finally {
      await tamper(rows[0]!.after);
    }
    expect((await verifyAudit()).broken).toBeNull();
  });
});
