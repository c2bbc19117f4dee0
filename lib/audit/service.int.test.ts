// The two audit writers (Prisma transaction, plain `pg` client) write the same row: the same
// actor label, region and redaction, so a bulk path cannot skip what recordAudit does.
import { describe, expect, it } from "vitest";
import { createActor } from "@/tests/factories";
import { prisma } from "../db/client";
import { withPgTransaction } from "../db/pg";
import { recordAudit, recordAuditPg, type AuditInput } from "./service";

describe("audit writers", () => {
  it("write the same entry through Prisma and through pg, secrets redacted", async () => {
    const actor = await createActor("130000", ["ADMIN"]);
    const entry = (entityId: string): AuditInput => ({
      actor,
      action: "UPDATE",
      entityType: "WriterTest",
      entityId,
      entityRegion: "130100",
      before: { name: "甲", passwordHash: "$2b$secret" },
      after: { name: "乙", nested: { tokenHash: "abc", count: 2n } },
      ip: "10.0.0.1",
    });
    await prisma.$transaction((tx) => recordAudit(tx, entry("via-prisma")));
    await withPgTransaction((db) => recordAuditPg(db, entry("via-pg")));
    const rows = await prisma.auditLog.findMany({
      where: { entityType: "WriterTest" },
      orderBy: { entityId: "asc" },
      select: {
        entityId: true,
        actorId: true,
        actorName: true,
        actorRegion: true,
        action: true,
        entityRegion: true,
        before: true,
        after: true,
        ip: true,
      },
    });
    expect(rows.map((r) => r.entityId)).toEqual(["via-pg", "via-prisma"]);
    const [viaPg, viaPrisma] = rows.map(({ entityId: _, ...rest }) => rest);
    expect(viaPg).toEqual(viaPrisma);
    expect(viaPrisma).toEqual({
      actorId: actor.id,
      actorName: `${actor.displayName} (${actor.username})`,
      actorRegion: "130000",
      action: "UPDATE",
      entityRegion: "130100",
      before: { name: "甲", passwordHash: "[redacted]" },
      after: { name: "乙", nested: { tokenHash: "[redacted]", count: "2" } },
      ip: "10.0.0.1",
    });
  });

  it("leave before/after empty when not given, and name a missing actor 'system'", async () => {
    await withPgTransaction((db) =>
      recordAuditPg(db, { actor: null, action: "SWEEP", entityType: "WriterTest", entityId: "system-pg" }),
    );
    const row = await prisma.auditLog.findFirstOrThrow({ where: { entityId: "system-pg" } });
    expect(row).toMatchObject({
      actorId: null,
      actorName: "system",
      actorRegion: null,
      before: null,
      after: null,
      ip: null,
    });
  });
});
