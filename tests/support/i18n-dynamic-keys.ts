// Translation keys the code builds at runtime (`t(\`roles.${r}\`)`, or a prefix such as
// "complaints.channel" handed to a select), with the values each prefix ranges over. Read by
// lib/i18n/keys.test.ts: every prefix the code builds must be listed here, every `prefix + value`
// must exist in the catalogue, and only these values make keys under the prefix count as used.
// Values come from the domain's code lists (or Prisma's enums) wherever one exists; a literal
// list names the component it mirrors, typed against the domain type where there is one.
import * as db from "@/lib/db/generated/enums";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@/lib/audit/schemas";
import { FILING_TYPES as AGREEMENT_FILING_TYPES } from "@/lib/agreements/codes";
import { EXPORT_COLUMNS, QUEUES, SIDES } from "@/lib/complaints/codes";
import type { Action as ComplaintAction } from "@/lib/complaints/workflow";
import type { SlaStatus } from "@/lib/complaints/sla";
import { COLUMNS } from "@/lib/facilities/row";
import { INSTITUTION_FIELDS } from "@/lib/facilities/fields";
import { FILING_TYPES as SETTLEMENT_FILING_TYPES, SERVICE_TYPES } from "@/lib/settlements/codes";
import { COMPARISON_STATUSES } from "@/lib/statistics/coverage";
import { FLOW_MATRIX_LEVELS, GRAINS } from "@/lib/statistics/schemas";

export interface DynamicPrefix {
  values: readonly string[];
  /** Where the values come from, when not from an imported list. */
  from?: string;
}

const values = (o: Record<string, string>) => Object.values(o);

export const DYNAMIC: Record<string, DynamicPrefix> = {
  // Enums of the schema (prisma/schema/*.prisma).
  "roles.": { values: values(db.Role) },
  "regions.levels.": { values: values(db.RegionLevel) },
  "admin.bureaus.levels.": { values: values(db.BureauLevel) },
  "agreements.types.": { values: values(db.AgreementType) },
  "agreements.statuses.": { values: values(db.AgreementStatus) },
  "agreements.directions.": { values: values(db.AgreementDirection) },
  "agreements.roles.": { values: values(db.AgreementPartyRole) },
  "agreements.levels.": { values: values(db.InstitutionLevel) },
  "agreements.institutionTypes.": { values: values(db.InstitutionType) },
  "agreements.institutionStatuses.": { values: values(db.InstitutionStatus) },
  "agreements.services.": { values: values(db.CrossRegionService) },
  "agreements.diseases.": { values: values(db.ChronicDisease) },
  "complaints.state.": { values: values(db.ComplaintState) },
  "complaints.channel.": { values: values(db.ComplaintChannel) },
  "complaints.category.": { values: values(db.ComplaintCategory) },
  "complaints.priority.": { values: values(db.ComplaintPriority) },
  "complaints.rootCause.": { values: values(db.ComplaintRootCause) },
  "complaints.downtime.kind.": { values: values(db.DowntimeKind) },
  "complaints.service.": { values: values(db.CrossRegionService) },
  "facilities.types.": { values: values(db.InstitutionType) },
  "facilities.levels.": { values: values(db.InstitutionLevel) },
  "facilities.grades.": { values: values(db.InstitutionGrade) },
  "facilities.ownership.": { values: values(db.Ownership) },
  "facilities.statuses.": { values: values(db.InstitutionStatus) },
  "facilities.services.": { values: values(db.CrossRegionService) },
  "facilities.diseases.": { values: values(db.ChronicDisease) },
  "facilities.changeKinds.": { values: values(db.ChangeRequestKind) },
  "facilities.changeStates.": { values: values(db.ChangeRequestState) },
  "rosterUi.typeShort.": { values: values(db.InstitutionType) },
  "rosterUi.serviceShort.": { values: values(db.CrossRegionService) },
  "workbench.imports.states.": { values: values(db.SettlementImportState) },

  // Code lists of the domains.
  "admin.audit.actions.": {
    values: [...AUDIT_ACTIONS, "TRANSITION"],
    from: "lib/audit/schemas.ts; TRANSITION: a complaint or agreement transition (audit-table.tsx)",
  },
  "admin.audit.entityTypes.": { values: AUDIT_ENTITY_TYPES },
  "agreements.filingTypes.": { values: AGREEMENT_FILING_TYPES },
  "complaints.side.": { values: SIDES },
  "complaints.tabs.": {
    values: QUEUES.map((q) => q.toLowerCase()),
    from: "lib/complaints/codes.ts QUEUES, lower-cased by queue-tabs.tsx (the API value is UPPER_SNAKE, decision 028)",
  },
  "complaints.action.": {
    values: [
      "CREATE",
      "TRIAGE",
      "START",
      "HAND_OVER",
      "TAKE_BACK",
      "ASK_COMPLAINANT",
      "COMPLAINANT_ANSWERED",
      "RESOLVE",
      "CLOSE",
      "REOPEN",
      "RESUME",
      "ESCALATE",
      "RETURN",
      "MERGE",
      "MERGED_IN",
    ] satisfies readonly (ComplaintAction | "CREATE" | "MERGED_IN")[],
    from: "lib/complaints/workflow.ts Action; CREATE and MERGED_IN (the target's event, lib/complaints/transition.ts) are events, not actions",
  },
  "complaints.sla.": {
    values: ["OK", "DUE_TODAY", "OVERDUE", "PAUSED", "MET", "BREACHED"] satisfies readonly SlaStatus[],
    from: "lib/complaints/sla.ts SlaStatus",
  },
  "facilities.columns.": {
    values: [...COLUMNS, "file"],
    from: "lib/facilities/row.ts; file: an error about the whole file",
  },
  "rosterUi.fields.": {
    values: [...INSTITUTION_FIELDS, "status", "*"],
    from: "lib/facilities/fields.ts, status, and * (the whole record, when created)",
  },
  "statistics.serviceTypes.": { values: SERVICE_TYPES },
  "statistics.filingTypes.": {
    values: [...SETTLEMENT_FILING_TYPES, "NONE"],
    from: "lib/settlements/codes.ts; NONE: rows without a filing type",
  },
  "statistics.kpi.": {
    values: [...COMPARISON_STATUSES.filter((s) => s !== "ok"), "visits", "totalCost", "fundPaid"],
    from: "lib/statistics/coverage.ts (kpi-cards.tsx shows a figure, not a word, when ok) and the figure cards' keys",
  },
  "statistics.series.": {
    values: GRAINS.map((g) => g.toLowerCase()),
    from: "lib/statistics/schemas.ts GRAINS, lower-cased by dashboard-panels.tsx",
  },
  "statistics.regions.": { values: FLOW_MATRIX_LEVELS.map((l) => l.toLowerCase()) },

  // Lists local to one screen.
  "admin.audit.": {
    values: ["actor", "action", "entityType", "entityId", "from", "to"],
    from: "admin/audit/page.tsx: the filter a validation error names",
  },
  "admin.audit.fields.": {
    values: [
      "id",
      "state",
      "username",
      "displayName",
      "roles",
      "disabled",
      "bureauId",
      "lockedUntil",
      "lastLoginAt",
      "mustChangePassword",
      "failedLoginCount",
      "sessionsValidFrom",
      "version",
      "createdAt",
      "updatedAt",
      "name",
      "prefix",
      "expiresAt",
      "bureaus",
      "users",
    ],
    from: "admin/_components/audit-table.tsx: any field of an audited record; unknown ones show their name",
  },
  "admin.users.": { values: ["username", "displayName"], from: "admin/users/_components/create-user-dialog.tsx" },
  "agreements.tabs.": {
    values: ["list", "check", "matrix", "expiring"],
    from: "agreements/_components/agreement-tabs.tsx",
  },
  "agreements.actions.": {
    values: ["CREATE", "ACTIVATE", "SUSPEND", "RESUME", "TERMINATE", "EXPIRE"],
    from: "lib/agreements/codes.ts TRANSITION_ACTIONS, and CREATE",
  },
  "complaints.relation.": {
    values: ["OWNER", "PARTY", "SUPERVISOR"],
    from: "lib/complaints/workflow.ts ActorStanding.relation",
  },
  "complaints.list.": {
    values: [
      "number",
      "state",
      "category",
      "priority",
      "pair",
      "institution",
      "complainant",
      "owner",
      "sla",
      "created",
    ],
    from: "complaints/_components/complaint-table.tsx h(…)",
  },
  "complaints.nav.": {
    values: ["queues", "downtimes", "daily", "reports", "new"],
    from: "complaints/_components/complaints-nav.tsx",
  },
  "complaints.notifications.": {
    values: [
      "NEW_TICKET",
      "HANDED_OVER",
      "TAKEN_BACK",
      "ESCALATED",
      "FIRST_RESPONSE_OVERDUE",
      "UPDATE_OVERDUE",
      "RESOLUTION_OVERDUE",
      "SLA_ESCALATED",
    ],
    from: "complaints/_components/notifications.tsx: the notification kind",
  },
  "complaints.downtime.legend.": {
    values: ["WORKDAY", "WEEKEND", "HOLIDAY", "MAKEUP_WORKDAY"],
    from: "complaints/downtimes/page.tsx",
  },
  "complaints.export.": { values: EXPORT_COLUMNS },
  "workbench.complaints.": {
    values: ["overdue", "dueToday", "awaiting", "bureauOpen", "unread"].flatMap((n) => [n, `${n}Note`]),
    from: "_components/workbench/workbench.tsx: each complaint figure and its note",
  },
  "agreements.form.": {
    values: ["effectiveFrom", "effectiveTo", "signedOn"],
    from: "agreements/_components/agreement-form.tsx: the date fields",
  },
  "complaints.downtime.": {
    values: ["current", "upcoming", "recent"],
    from: "complaints/downtimes/page.tsx: the three lists",
  },
  "rosterUi.filters.": {
    values: ["type", "level", "status", "service"],
    from: "facilities/_components/roster-filters.tsx: the select filters",
  },
  "facilities.": {
    values: ["types", "levels", "statuses", "services"],
    from: "facilities/_components/roster-filters.tsx: the catalogue of each select filter's options",
  },
  "statistics.definitions.": {
    values: ["visits", "totalCost", "fundPaid"],
    from: "statistics/_components/kpi-cards.tsx: the figure cards",
  },
  "rosterUi.sources.": {
    values: ["CREATE", "EDIT", "STATUS", "SERVICE", "IMPORT", "SEED"],
    from: "facilities/_components/history-format.ts: the source of a history entry",
  },
  "rosterUi.actions.": {
    values: ["changeStatus", "openService", "closeService"],
    from: "facilities/_components/institution-actions.tsx: the command kind",
  },
  "rosterUi.tabs.": {
    values: ["list", "coverage", "import", "changes"],
    from: "facilities/_components/roster-tabs.tsx",
  },
  "rosterUi.coverage.": {
    values: ["institutionsChanged", "created", "statusChanges", "serviceChanges", "fieldChanges"],
    from: "facilities/coverage/page.tsx",
  },
  "rosterUi.import.": {
    values: ["totalRows", "new", "changed", "unchanged", "rejected"],
    from: "facilities/import/_components/import-wizard.tsx: the report's figures and row outcomes",
  },
  "rosterUi.import.phases.": {
    values: ["read", "check", "write", "done"],
    from: "facilities/import/_components/import-wizard.tsx",
  },
  "profile.tokens.": {
    values: ["active", "revoked", "expired"],
    from: "profile/_components/api-tokens.tsx: the token status",
  },
  "statistics.filters.": { values: ["visitRegion", "homeRegion"], from: "statistics/_components/filter-bar.tsx" },
  "statistics.units.": {
    values: [
      "visits",
      "wanVisits",
      "thousandVisits",
      "millionVisits",
      "yuan",
      "wanYuan",
      "yiYuan",
      "thousandYuan",
      "millionYuan",
      "billionYuan",
    ],
    from: "lib/statistics/units.ts: the unit keys",
  },
  "statistics.import.errors.": {
    values: [
      "header",
      "empty",
      "encoding",
      "columnCount",
      "required",
      "settlementId",
      "settledAt",
      "region",
      "outOfScope",
      "institutionCode",
      "enum",
      "amount",
      "fundExceedsTotal",
    ],
    from: "lib/settlements/csv.ts: the row error keys",
  },
  "regionGroups.flows.": {
    values: ["outflow", "inflow", "net", "levelProvince", "levelCity", "levelGroup"],
    from: "statistics/_components/flow-tile-map.tsx MEASURES, flow-sankey.tsx levels",
  },
  "regionGroups.flows.short.": {
    values: ["outflow", "inflow", "net"],
    from: "statistics/_components/flow-tile-map.tsx MEASURES",
  },
};
