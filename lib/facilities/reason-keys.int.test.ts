// The reason-keys migration (prisma/migrations/20261207020000_reason_keys) on rows written with
// the old Chinese text: system reasons become catalogue keys, a person's own reason stays as typed.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { createInstitution } from "@/tests/factories/institutions";
import { pgPool, withPgTransaction } from "../db/pg";

const MIGRATION = fs.readFileSync("prisma/migrations/20261207020000_reason_keys/migration.sql", "utf8");

describe("reason keys migration", () => {
  it("converts the system's reasons in every roster table and leaves typed ones", async () => {
    const inst = await createInstitution();
    const db = pgPool();
    await db.query("UPDATE institution_status_event SET reason = '定点' WHERE institution_id = $1", [inst.id]);
    await db.query("UPDATE institution SET status_reason = '批量导入' WHERE id = $1", [inst.id]);
    await db.query(
      `INSERT INTO institution_service (institution_id, service, diseases, opened_on, closed_on, close_reason)
       VALUES ($1, 'OUTPATIENT', '{}', '2019-01-01', '2020-01-01', '批量导入：文件中未列出该服务'),
              ($1, 'INPATIENT', '{}', '2019-01-01', '2020-01-01', '机构自行申请暂停')`,
      [inst.id],
    );
    await db.query(
      `INSERT INTO institution_history (institution_id, actor_name, source, field, before, after)
       VALUES ($1, 'x', 'IMPORT', 'status', '{"status":"ACTIVE"}', '{"status":"REVOKED","reason":"解除定点"}')`,
      [inst.id],
    );
    await withPgTransaction((tx) => tx.query(MIGRATION));

    const event = await db.query("SELECT reason FROM institution_status_event WHERE institution_id = $1", [inst.id]);
    expect(event.rows).toEqual([{ reason: "facilities.reasons.designated" }]);
    const i = await db.query("SELECT status_reason FROM institution WHERE id = $1", [inst.id]);
    expect(i.rows).toEqual([{ status_reason: "facilities.reasons.import" }]);
    const services = await db.query(
      "SELECT close_reason FROM institution_service WHERE institution_id = $1 AND closed_on IS NOT NULL ORDER BY service",
      [inst.id],
    );
    expect(services.rows.map((r) => r.close_reason)).toEqual(["机构自行申请暂停", "facilities.reasons.importRemoved"]);
    const h = await db.query("SELECT after FROM institution_history WHERE institution_id = $1 AND source = 'IMPORT'", [
      inst.id,
    ]);
    expect(h.rows).toEqual([{ after: { status: "REVOKED", reason: "facilities.reasons.revoked" } }]);
  });
});
