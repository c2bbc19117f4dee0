// The pieces of a new ticket for createComplaint (service.ts): the checks of its regions and
// institution, its yearly number, and the row to insert with its sealed identity and first event.
import { prisma, type Tx } from "../db/client";
import type { Prisma } from "../db/client";
import type { Actor } from "../auth/actor";
import { isWithin } from "../auth/roles";
import { ValidationError, type FieldErrors } from "../errors";
import { findInstitution } from "../facilities/queries";
import { beijingDay, formatTicketNumber, type Side } from "./codes";
import type { sealIdentity } from "./identity";
import { maskIdNumber, maskName, maskPhone, scrubPersonalData } from "./mask";
import type { CreateComplaintInput } from "./schemas";

/**
 * The regions must exist and the actor's region must cover one of them (the covered side owns
 * the ticket, the visit side first); a given institution code must exist and names the ticket's
 * institution. Throws one ValidationError with every failed field.
 */
export async function checkNewTicket(
  actor: Actor,
  input: CreateComplaintInput,
): Promise<{ ownerSide: Side; institutionName: string | null }> {
  const errors: FieldErrors = {};
  const regions = await prisma.region.findMany({
    where: { code: { in: [input.homeRegionCode, input.visitRegionCode] } },
    select: { code: true },
  });
  const known = new Set(regions.map((r) => r.code));
  if (!known.has(input.homeRegionCode)) errors.homeRegionCode = [{ key: "complaints.badRegion" }];
  if (!known.has(input.visitRegionCode)) errors.visitRegionCode = [{ key: "complaints.badRegion" }];
  const coversVisit = isWithin(actor.regionCode, input.visitRegionCode);
  const coversHome = isWithin(actor.regionCode, input.homeRegionCode);
  if (!coversVisit && !coversHome) errors.visitRegionCode = [{ key: "complaints.notYourRegion" }];
  let institutionName = input.institutionName ?? null;
  if (input.institutionCode) {
    const institution = await findInstitution(input.institutionCode);
    if (!institution) errors.institutionCode = [{ key: "complaints.unknownInstitution" }];
    else institutionName = institution.name;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { ownerSide: coversVisit ? "VISIT" : "HOME", institutionName };
}

export async function nextNumber(tx: Tx, now: Date): Promise<string> {
  const year = Number(beijingDay(now).slice(0, 4));
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO complaint_counter (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = complaint_counter.last + 1
    RETURNING last`;
  return formatTicketNumber(year, rows[0]!.last);
}

/** What createComplaint decided before the insert. */
export interface NewTicketFacts {
  id: string;
  number: string;
  ownerSide: Side;
  institutionName: string | null;
  sealed: ReturnType<typeof sealIdentity>;
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  now: Date;
}

/** The ticket's row: masked complainant data, owned by the actor's bureau, with its CREATE event. */
export function newTicketData(
  actor: Actor,
  input: CreateComplaintInput,
  f: NewTicketFacts,
): Prisma.ComplaintUncheckedCreateInput {
  return {
    id: f.id,
    number: f.number,
    channel: input.channel,
    complainantNameMasked: maskName(input.complainantName),
    phoneMasked: maskPhone(input.complainantPhone),
    idNumberMasked: maskIdNumber(input.complainantIdNumber),
    homeRegionCode: input.homeRegionCode,
    visitRegionCode: input.visitRegionCode,
    institutionCode: input.institutionCode ?? null,
    institutionName: f.institutionName,
    settlementId: input.settlementId ?? null,
    settlementAt: input.settlementAt ? new Date(input.settlementAt) : null,
    serviceType: input.serviceType ?? null,
    category: input.category,
    priority: input.priority,
    description: scrubPersonalData(input.description),
    attachments: input.attachments as Prisma.InputJsonValue,
    ownerBureauId: actor.bureauId,
    ownerRegionCode: actor.regionCode,
    ownerSide: f.ownerSide,
    assigneeId: actor.id,
    assigneeName: actor.displayName,
    firstResponseDueAt: f.firstResponseDueAt,
    resolutionDueAt: f.resolutionDueAt,
    createdById: actor.id,
    createdByName: actor.displayName,
    createdAt: f.now,
    identity: { create: { name: input.complainantName, ...f.sealed } },
    events: {
      create: {
        action: "CREATE",
        toState: "NEW",
        actorId: actor.id,
        actorName: actor.displayName,
        actorRegion: actor.regionCode,
        at: f.now,
      },
    },
  };
}
