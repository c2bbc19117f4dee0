// What applying a desired state to an institution changes: field-level before/after, a status
// change, and service periods to open, close or re-date. Pure, so the same rules serve the
// single-record services, the bulk import (dry run and apply) and their unit tests.
import type { MessageRef } from "../errors";
import {
  codeMatchesRegion,
  codeMatchesType,
  serviceAllowedFor,
  type ChronicDisease,
  type InstitutionStatus,
  type ServiceKind,
  type ServiceSpec,
} from "./codes";
import { INSTITUTION_FIELDS, type InstitutionField, type InstitutionFields } from "./fields";

export type { InstitutionField, InstitutionFields };

/** Fields a new institution must have. */
export const REQUIRED_FIELDS: readonly InstitutionField[] = [
  "name",
  "type",
  "level",
  "ownership",
  "regionCode",
  "designatedSince",
];

export interface OpenService {
  id: string;
  service: ServiceKind;
  diseases: ChronicDisease[];
  openedOn: string;
}

export interface CurrentInstitution {
  id: string;
  code: string;
  fields: InstitutionFields;
  status: InstitutionStatus;
  statusSince: string;
  openServices: OpenService[];
  /** Per service, the latest closing date of its past periods: a new period cannot start before it. */
  lastClosedOn: Partial<Record<ServiceKind, string>>;
  version: number;
}

/** What the caller wants; an absent key leaves that part as it is. */
export interface DesiredInstitution {
  fields: Partial<InstitutionFields>;
  status?: InstitutionStatus;
  /** The complete list of services that should be open (absent: services untouched). */
  services?: ServiceSpec[];
}

export interface FieldChange {
  field: InstitutionField;
  before: string | null;
  after: string | null;
}

export interface ServiceOpen {
  service: ServiceKind;
  diseases: ChronicDisease[];
  openedOn: string;
}
export interface ServiceClose {
  id: string;
  service: ServiceKind;
  diseases: ChronicDisease[];
  openedOn: string;
  closedOn: string;
  reason: string;
}
export interface ServiceRedate {
  id: string;
  service: ServiceKind;
  diseases: ChronicDisease[];
  from: string;
  to: string;
}

export interface ChangePlan {
  isNew: boolean;
  /** The institution's fields after the change. */
  fields: InstitutionFields;
  fieldChanges: FieldChange[];
  status: InstitutionStatus;
  statusChange: { from: InstitutionStatus | null; to: InstitutionStatus } | null;
  open: ServiceOpen[];
  close: ServiceClose[];
  redate: ServiceRedate[];
  /** Names of what changes: field names, "status", "services". Empty: unchanged. */
  changed: string[];
}

export interface PlanIssue {
  field: InstitutionField | "status" | "services" | "code";
  message: MessageRef;
}

/** Reasons the system writes: catalogue keys, shown in the reader's language (people's own reasons stay text). */
export const REASONS = {
  designated: "facilities.reasons.designated",
  serviceRemovedByImport: "facilities.reasons.importRemoved",
  diseasesChanged: "facilities.reasons.diseasesChanged",
  revoked: "facilities.reasons.revoked",
  importStatus: "facilities.reasons.import",
} as const;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Plans the change of one institution (`current` null: a new one) towards `desired`, as of
 * `today`. Returns the plan, or the issues that forbid it.
 */
export function planInstitution(
  code: string,
  current: CurrentInstitution | null,
  desired: DesiredInstitution,
  today: string,
  reasons: { serviceRemoved?: string; status?: string } = {},
): { plan: ChangePlan | null; issues: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const issue = (field: PlanIssue["field"], key: string, params?: MessageRef["params"]) =>
    issues.push({ field, message: params ? { key, params } : { key } });

  if (!current) {
    for (const f of REQUIRED_FIELDS) {
      if (desired.fields[f] === undefined || desired.fields[f] === null)
        issue(f, "facilities.validation.requiredForNew");
    }
    if (issues.length) return { plan: null, issues };
  }
  const base: Partial<InstitutionFields> = current ? current.fields : {};
  const fields = {
    grade: null,
    shortName: null,
    address: null,
    phone: null,
    ...base,
    ...stripUndefined(desired.fields),
  } as InstitutionFields;

  checkFields(code, fields, today, issue);

  const fromStatus = current?.status ?? null;
  const status = desired.status ?? current?.status ?? "ACTIVE";
  if (fromStatus === "REVOKED" && status !== "REVOKED") issue("status", "facilities.validation.revokedFinal");

  const fieldChanges = diffFields(current, fields);

  const { open, close, redate } = reconcileServices({
    current,
    desired,
    designatedSince: fields.designatedSince,
    status,
    fromStatus,
    today,
    reasons,
    issue,
  });
  checkServicesFit(current, open, close, fields.type, issue);
  if (issues.length) return { plan: null, issues: dedupe(issues) };

  const statusChange = !current
    ? { from: null, to: status }
    : status !== current.status
      ? { from: current.status, to: status }
      : null;
  const changed = [
    ...fieldChanges.map((c) => c.field as string),
    ...(current && statusChange ? ["status"] : []),
    ...(open.length || close.length || redate.length ? ["services"] : []),
  ];
  return {
    plan: { isNew: !current, fields, fieldChanges, status, statusChange, open, close, redate, changed },
    issues: [],
  };
}

type Issue = (field: PlanIssue["field"], key: string, params?: MessageRef["params"]) => void;

/** Field rules on the result, whichever side the values came from. */
function checkFields(code: string, fields: InstitutionFields, today: string, issue: Issue): void {
  if (!codeMatchesType(code, fields.type)) issue("type", "facilities.validation.codeType");
  if (!codeMatchesRegion(code, fields.regionCode)) issue("regionCode", "facilities.validation.codeRegion");
  if (fields.grade && fields.level === "UNRATED") issue("grade", "facilities.validation.gradeNeedsLevel");
  if (fields.type === "PHARMACY" && fields.level !== "UNRATED") issue("level", "facilities.validation.pharmacyLevel");
  if (fields.designatedSince > today) issue("designatedSince", "facilities.validation.futureDate");
}

/** Field-level before/after. A new institution's history is one snapshot, not field by field. */
function diffFields(current: CurrentInstitution | null, fields: InstitutionFields): FieldChange[] {
  const fieldChanges: FieldChange[] = [];
  for (const f of current ? INSTITUTION_FIELDS : []) {
    const before = current!.fields[f] ?? null;
    const after = fields[f] ?? null;
    if (before !== after) fieldChanges.push({ field: f, before, after });
  }
  return fieldChanges;
}

/** Every service open afterwards must suit the (possibly new) type. */
function checkServicesFit(
  current: CurrentInstitution | null,
  open: ServiceOpen[],
  close: ServiceClose[],
  type: InstitutionFields["type"],
  issue: Issue,
): void {
  const stillOpen = [
    ...(current?.openServices ?? []).filter((c) => !close.some((x) => x.id === c.id)).map((c) => c.service),
    ...open.map((o) => o.service),
  ];
  for (const s of new Set(stillOpen)) {
    if (!serviceAllowedFor(type, s)) issue("services", "facilities.validation.serviceNotForType", { service: s });
  }
}

/** Services: the desired list reconciled with the open periods — what opens, closes and is re-dated. */
function reconcileServices(x: {
  current: CurrentInstitution | null;
  desired: DesiredInstitution;
  designatedSince: string;
  status: InstitutionStatus;
  fromStatus: InstitutionStatus | null;
  today: string;
  reasons: { serviceRemoved?: string };
  issue: Issue;
}): { open: ServiceOpen[]; close: ServiceClose[]; redate: ServiceRedate[] } {
  const { current, desired, designatedSince, status, fromStatus, today, reasons, issue } = x;
  const open: ServiceOpen[] = [];
  const close: ServiceClose[] = [];
  const redate: ServiceRedate[] = [];
  const currentOpen = current?.openServices ?? [];
  if (desired.services) {
    if (status === "REVOKED" && desired.services.length) issue("services", "facilities.validation.revokedWithServices");
    for (const spec of desired.services) {
      if (spec.openedOn && spec.openedOn > today) issue("services", "facilities.validation.futureDate");
      if (spec.openedOn && spec.openedOn < designatedSince) {
        issue("services", "facilities.validation.serviceBeforeDesignation", { service: spec.service });
      }
      const cur = currentOpen.find((s) => s.service === spec.service);
      const lastClosed = current?.lastClosedOn[spec.service];
      if (spec.openedOn && lastClosed && spec.openedOn < lastClosed && (!cur || spec.openedOn !== cur.openedOn)) {
        issue("services", "facilities.validation.overlapsPrevious", { service: spec.service, date: lastClosed });
      }
      if (!cur) {
        open.push({ service: spec.service, diseases: spec.diseases, openedOn: spec.openedOn ?? today });
      } else if (sameList(cur.diseases, spec.diseases)) {
        if (spec.openedOn && spec.openedOn !== cur.openedOn) {
          redate.push({
            id: cur.id,
            service: cur.service,
            diseases: cur.diseases,
            from: cur.openedOn,
            to: spec.openedOn,
          });
        }
      } else {
        // New disease list: a new period from the given date (if later) or today.
        const on = spec.openedOn && spec.openedOn > cur.openedOn ? spec.openedOn : today;
        close.push({ ...cur, closedOn: on, reason: REASONS.diseasesChanged });
        open.push({ service: spec.service, diseases: spec.diseases, openedOn: on });
      }
    }
    for (const cur of currentOpen) {
      if (!desired.services.some((s) => s.service === cur.service)) {
        close.push({ ...cur, closedOn: today, reason: reasons.serviceRemoved ?? REASONS.serviceRemovedByImport });
      }
    }
  }
  if (status === "REVOKED" && fromStatus !== "REVOKED") {
    for (const cur of currentOpen) {
      if (!close.some((c) => c.id === cur.id)) close.push({ ...cur, closedOn: today, reason: REASONS.revoked });
    }
  }
  return { open, close, redate };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function dedupe(issues: PlanIssue[]): PlanIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.field}|${i.message.key}|${JSON.stringify(i.message.params ?? {})}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---- History rows of a plan -------------------------------------------------------------------

export type HistoryInput = { field: string; before: unknown; after: unknown };

export const serviceValue = (s: { openedOn: string; diseases: readonly ChronicDisease[]; service: ServiceKind }) =>
  s.service === "CHRONIC" ? { openedOn: s.openedOn, diseases: [...s.diseases] } : { openedOn: s.openedOn };

/** History rows of a plan (field-level), as the import writes them too. */
export function planHistory(
  plan: ChangePlan,
  current: { status: InstitutionStatus; statusSince: string } | null,
  today: string,
  statusReason?: string,
): HistoryInput[] {
  if (plan.isNew) {
    return [
      {
        field: "*",
        before: null,
        after: {
          ...plan.fields,
          status: plan.status,
          services: plan.open.map((o) => ({ service: o.service, ...serviceValue(o) })),
        },
      },
    ];
  }
  const out: HistoryInput[] = plan.fieldChanges.map((c) => ({ field: c.field, before: c.before, after: c.after }));
  if (plan.statusChange && current) {
    out.push({
      field: "status",
      before: { status: current.status, since: current.statusSince },
      after: { status: plan.statusChange.to, since: today, ...(statusReason && { reason: statusReason }) },
    });
  }
  for (const c of plan.close) {
    const reopened = plan.open.find((o) => o.service === c.service);
    out.push({
      field: `services.${c.service}`,
      before: serviceValue(c),
      after: reopened ? serviceValue(reopened) : { closedOn: c.closedOn, reason: c.reason },
    });
  }
  for (const o of plan.open) {
    if (plan.close.some((c) => c.service === o.service)) continue;
    out.push({ field: `services.${o.service}`, before: null, after: serviceValue(o) });
  }
  for (const r of plan.redate) {
    out.push({
      field: `services.${r.service}`,
      before: serviceValue({ ...r, openedOn: r.from }),
      after: serviceValue({ ...r, openedOn: r.to }),
    });
  }
  return out;
}
