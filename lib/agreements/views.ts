// An agreement row as readers see it: the row Prisma loads (with its parties, approvals and
// steps), the view the pages and services use, and the API's JSON shapes of both. Pure: no I/O.
import type { Prisma } from "../db/generated/client";
import { isoDate, todayCn, type ChronicDisease, type ServiceKind } from "../facilities/codes";
import { addDays, type AgreementStatus, type RatioRules } from "./codes";
import type { ScopeRule } from "./eligibility";
import { AGREEMENT_SUMMARY_FIELDS } from "./response-schemas";

const agreementInclude = {
  parties: { orderBy: { regionCode: "asc" } },
  approvals: { orderBy: { at: "asc" } },
  // In the order recorded (an activation may be dated back to effective-from).
  transitions: { orderBy: { id: "asc" } },
  _count: { select: { institutions: true } },
} satisfies Prisma.AgreementInclude;

export const AGREEMENT_INCLUDE = agreementInclude;

export type AgreementRow = Prisma.AgreementGetPayload<{ include: typeof agreementInclude }>;

export interface AgreementView {
  id: string;
  number: string;
  title: string;
  titleEn: string | null;
  type: AgreementRow["type"];
  direction: AgreementRow["direction"];
  parties: { regionCode: string; regionName: string; role: AgreementRow["parties"][number]["role"] }[];
  services: ServiceKind[];
  diseases: ChronicDisease[];
  filingFree: boolean;
  effectiveFrom: string;
  effectiveTo: string | null;
  signedOn: string | null;
  documentRef: string | null;
  attachments: { name: string; mimeType?: string; size?: number; ref?: string }[];
  notes: string | null;
  scopeRule: ScopeRule | null;
  institutionCount: number;
  ratioRules: RatioRules;
  status: AgreementStatus;
  statusSince: string;
  approvals: { regionCode: string; approverName: string; at: Date }[];
  pendingApprovals: { code: string; name: string }[];
  transitions: {
    action: string;
    fromStatus: AgreementStatus | null;
    toStatus: AgreementStatus;
    effectiveOn: string;
    recordedAt: Date;
    actorName: string;
    reason: string | null;
  }[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The status a reader should see: past effective-to an agreement in force is EXPIRED. */
export function effectiveStatus(
  row: { status: AgreementStatus; statusSince: string; effectiveTo: string | null },
  today = todayCn(),
) {
  if ((row.status === "ACTIVE" || row.status === "SUSPENDED") && row.effectiveTo && row.effectiveTo < today) {
    return { status: "EXPIRED" as const, statusSince: addDays(row.effectiveTo, 1) };
  }
  return { status: row.status, statusSince: row.statusSince };
}

/** The heading every reader copies from a row as it is (the view here, the eligibility facts in cache.ts). */
export function headingOf(a: Pick<AgreementRow, "id" | "number" | "title" | "titleEn" | "type" | "direction">) {
  return { id: a.id, number: a.number, title: a.title, titleEn: a.titleEn, type: a.type, direction: a.direction };
}

export function toView(a: AgreementRow, names: Map<string, string>): AgreementView {
  const effectiveTo = a.effectiveTo ? isoDate(a.effectiveTo) : null;
  const approved = new Set(a.approvals.map((p) => p.regionCode));
  return {
    ...headingOf(a),
    parties: a.parties.map((p) => ({
      regionCode: p.regionCode,
      regionName: names.get(p.regionCode) ?? p.regionCode,
      role: p.role,
    })),
    services: a.services,
    diseases: a.diseases,
    filingFree: a.filingFree,
    effectiveFrom: isoDate(a.effectiveFrom),
    effectiveTo,
    signedOn: a.signedOn ? isoDate(a.signedOn) : null,
    documentRef: a.documentRef,
    attachments: (a.attachments ?? []) as AgreementView["attachments"],
    notes: a.notes,
    scopeRule: (a.scopeRule ?? null) as ScopeRule | null,
    institutionCount: a._count.institutions,
    ratioRules: (a.ratioRules ?? {}) as RatioRules,
    ...effectiveStatus({ status: a.status, statusSince: isoDate(a.statusSince), effectiveTo }),
    approvals: a.approvals.map((p) => ({ regionCode: p.regionCode, approverName: p.approverName, at: p.at })),
    pendingApprovals:
      a.status === "DRAFT"
        ? a.parties
            .filter((p) => !approved.has(p.regionCode))
            .map((p) => ({ code: p.regionCode, name: names.get(p.regionCode) ?? p.regionCode }))
        : [],
    transitions: a.transitions.map((t) => ({
      action: t.action,
      fromStatus: t.fromStatus,
      toStatus: t.toStatus,
      effectiveOn: isoDate(t.effectiveOn),
      recordedAt: t.recordedAt,
      actorName: t.actorName,
      reason: t.reason,
    })),
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** JSON shape of the API (dates as ISO strings). */
export function toAgreementDto(v: AgreementView) {
  const names = new Map(v.parties.map((p) => [p.regionCode, p.regionName]));
  return {
    ...v,
    parties: partiesDto(v.parties),
    approvals: v.approvals.map((a) => ({
      region: { code: a.regionCode, name: names.get(a.regionCode) ?? a.regionCode },
      approverName: a.approverName,
      at: a.at.toISOString(),
    })),
    transitions: v.transitions.map((t) => ({ ...t, recordedAt: t.recordedAt.toISOString() })),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export function toSummaryDto(v: AgreementView) {
  const summary = Object.fromEntries(AGREEMENT_SUMMARY_FIELDS.map((k) => [k, v[k]])) as Pick<
    AgreementView,
    (typeof AGREEMENT_SUMMARY_FIELDS)[number]
  >;
  return { ...summary, parties: partiesDto(v.parties) };
}

/** A party on the wire: its region as `{ code, name }`, like every region an answer carries (decision 028). */
function partiesDto(parties: AgreementView["parties"]) {
  return parties.map((p) => ({ region: { code: p.regionCode, name: p.regionName }, role: p.role }));
}
