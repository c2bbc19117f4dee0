// Agreements expire by themselves after their effective-to (the last day in force). The expiry
// is persisted as a dated, audited EXPIRE transition by expireAgreements(now) — a periodic job
// (lib/jobs/scheduler.ts), once per tick across all instances — and the views also derive it, so
// nobody sees an agreement in force past its end even between two runs. Idempotent: a
// conditional update per agreement.
import { prisma } from "../db/client";
import { recordAudit } from "../audit/service";
import { dateValue, isoDate, todayCn } from "../facilities/codes";
import { addDays } from "./codes";
import { invalidateAgreementCache } from "./cache";

/** Marks every ACTIVE or SUSPENDED agreement whose effective-to is before today EXPIRED. Returns how many. */
export async function expireAgreements(now: Date = new Date()): Promise<number> {
  const today = todayCn(now);
  const due = await prisma.agreement.findMany({
    where: { status: { in: ["ACTIVE", "SUSPENDED"] }, effectiveTo: { lt: dateValue(today) } },
    select: {
      id: true,
      number: true,
      status: true,
      effectiveTo: true,
      parties: { select: { regionCode: true }, take: 1, orderBy: { regionCode: "asc" } },
    },
  });
  let n = 0;
  for (const a of due) {
    const on = addDays(isoDate(a.effectiveTo!), 1);
    const done = await prisma.$transaction(async (tx) => {
      const { count } = await tx.agreement.updateMany({
        where: { id: a.id, status: a.status },
        data: { status: "EXPIRED", statusSince: dateValue(on), version: { increment: 1 } },
      });
      if (count === 0) return false;
      await tx.agreementTransition.create({
        data: {
          agreementId: a.id,
          action: "EXPIRE",
          fromStatus: a.status,
          toStatus: "EXPIRED",
          effectiveOn: dateValue(on),
          actorName: "system",
          reason: "effective-to passed",
        },
      });
      await recordAudit(tx, {
        actor: null,
        action: "EXPIRE",
        entityType: "Agreement",
        entityId: a.id,
        entityRegion: a.parties[0]?.regionCode ?? null,
        before: { status: a.status },
        after: { status: "EXPIRED", effectiveOn: on, number: a.number },
      });
      return true;
    });
    if (done) n += 1;
  }
  if (n) invalidateAgreementCache();
  return n;
}
