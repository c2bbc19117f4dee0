// The finalize stage's records: a finished import writes its log entry and its audit entry with
// the same counts; a failed one leaves only a FAILED log entry.
import { describe, expect, it } from "vitest";
import { createActor } from "@/tests/factories";
import { bodyOf, settlementCsv, settlementRow } from "@/tests/factories/settlements";
import { prisma } from "../../db/client";
import { withPgClient } from "../../db/pg";
import { ValidationError } from "../../errors";
import { importSettlementCsv } from "./pipeline";

describe("finalize", () => {
  it("logs and audits a finished import with its counts", async () => {
    const analyst = await createActor("000000", ["ANALYST"]);
    const a = settlementRow({ settled_at: "2003-02-10T09:00:00+08:00" });
    const text = settlementCsv([a, a, { settled_at: "2003-02-11T09:00:00+08:00", visit_region: "999999" }]);
    const outcome = await withPgClient((c) =>
      importSettlementCsv(c, bodyOf(text), { source: "api", fileName: "f.csv", scopePrefix: "", actor: analyst }),
    );
    expect(outcome).toMatchObject({ rowsRead: 3, accepted: 1, duplicates: 1, rejectedTotal: 1 });
    const log = await prisma.$queryRaw<{ state: string; accepted: number; duplicates: number; rejected: number }[]>`
      select state::text, accepted, duplicates, rejected from settlement_import where id = ${outcome.importId}`;
    expect(log).toEqual([{ state: "DONE", accepted: 1, duplicates: 1, rejected: 1 }]);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "SettlementImport", entityId: String(outcome.importId) },
    });
    expect(audit).toMatchObject({ actorId: analyst.id, action: "IMPORT", entityRegion: "000000" });
    expect(audit.after).toEqual({
      fileName: "f.csv",
      rowsRead: 3,
      accepted: 1,
      duplicates: 1,
      rejected: 1,
      reversals: 0,
    });
  });

  it("marks a failed import FAILED and passes its validation error on", async () => {
    const bytes = Buffer.from("settlement_id,settled_at\nX,2003-03-10T09:00:00+08:00\n", "utf8");
    const error = await withPgClient((c) =>
      importSettlementCsv(c, bodyOf(bytes), { source: "api", fileName: "broken.csv", scopePrefix: "" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const log = await prisma.$queryRaw<
      { state: string }[]
    >`select state::text from settlement_import where file_name = 'broken.csv'`;
    expect(log).toEqual([{ state: "FAILED" }]);
  });
});
