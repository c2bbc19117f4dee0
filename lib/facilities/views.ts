// The shapes the roster reads answer with (pages, the API and the other facilities modules).
import type { InstitutionFields } from "./fields";
import { type ChronicDisease, type InstitutionStatus, type ServiceKind } from "./codes";

export interface OpenServiceView {
  service: ServiceKind;
  diseases: ChronicDisease[];
  openedOn: string;
}

/** An institution as lists and pages show it: its fields (fields.ts), the region named, status and services. */
export interface InstitutionSummary extends Omit<InstitutionFields, "regionCode"> {
  id: string;
  code: string;
  region: { code: string; name: string };
  status: InstitutionStatus;
  statusSince: string;
  statusReason: string | null;
  services: OpenServiceView[];
  version: number;
  updatedAt: Date;
}

export interface ServicePeriodView {
  id: string;
  service: ServiceKind;
  diseases: ChronicDisease[];
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
}

export interface HistoryEntry {
  id: string;
  at: Date;
  actorName: string;
  requestedBy: string | null;
  source: string;
  field: string;
  before: unknown;
  after: unknown;
  changeRequestId: string | null;
  importId: string | null;
}

export interface ChangeRequestView {
  id: string;
  kind: "CREATE" | "UPDATE" | "STATUS" | "OPEN_SERVICE" | "CLOSE_SERVICE" | "IMPORT";
  state: "PENDING" | "APPROVED" | "REJECTED";
  code: string | null;
  institutionName: string | null;
  regionCode: string;
  bureauId: string;
  makerId: string;
  makerName: string;
  payload: unknown;
  summary: unknown;
  baseVersion: number | null;
  checkerName: string | null;
  decidedAt: Date | null;
  comment: string | null;
  createdAt: Date;
}

export interface InstitutionDetail extends InstitutionSummary {
  regionPath: { code: string; name: string }[];
  servicePeriods: ServicePeriodView[];
  statusEvents: { status: InstitutionStatus; effectiveOn: string; reason: string; actorName: string; at: Date }[];
  history: HistoryEntry[];
  historyTotal: number;
  pendingChanges: ChangeRequestView[];
  canEdit: boolean;
}

/** What a roster write answers: applied, or filed as a change request under maker-checker. */
export type WriteResult =
  | { applied: true; institution: InstitutionSummary }
  | { applied: false; pendingChangeId: string; changeRequest: ChangeRequestView };
