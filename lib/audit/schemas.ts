// Boundary schemas for reading the audit log. Messages are i18n keys.
import { z } from "zod";

/** Actions written today (each translated under admin.audit.actions); complaint transitions are TRANSITION_<action>. */
export const AUDIT_ACTIONS = [
  "CREATE",
  "UPDATE",
  "DISABLE",
  "ENABLE",
  "PASSWORD_RESET",
  "PASSWORD_CHANGED",
  "UNLOCK",
  "SIGN_IN",
  "SIGN_IN_FAILED",
  "SIGN_OUT",
  "ACCOUNT_LOCKED",
  "TOKEN_CREATED",
  "TOKEN_REVOKED",
  "SEED_DEMO",
  "ACTIVATE",
  "APPROVE",
  "SUSPEND",
  "RESUME",
  "TERMINATE",
  "EXPIRE",
  "STATUS_CHANGE",
  "SERVICE_OPEN",
  "SERVICE_CLOSE",
  "CHANGE_REQUESTED",
  "CHANGE_APPROVED",
  "CHANGE_REJECTED",
  "IMPORT",
  "UNMASK",
  "INTERNAL_NOTE",
  "COMPLAINANT_REPLY",
  "SLA_BREACH",
] as const;

export const AUDIT_ENTITY_TYPES = [
  "User",
  "ApiToken",
  "Bureau",
  "Institution",
  "InstitutionChangeRequest",
  "InstitutionImport",
  "Agreement",
  "Complaint",
  "DowntimeWindow",
  "SettlementImport",
  "Database",
] as const;

/** URL forms send empty fields as ""; treat them as absent. */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const optionalText = (max: number, pattern?: RegExp) =>
  z.preprocess(
    blankToUndefined,
    (pattern
      ? z
          .string({ error: "validation.invalid" })
          .trim()
          .max(max, "validation.tooLong")
          .regex(pattern, "validation.invalid")
      : z.string({ error: "validation.invalid" }).trim().max(max, "validation.tooLong")
    ).optional(),
  );

/** A calendar day (YYYY-MM-DD), read in Asia/Shanghai. */
const optionalDay = z.preprocess(blankToUndefined, z.iso.date({ error: "validation.invalid" }).optional());

export const listAuditSchema = z.object({
  /** Fragment of the actor's display name or username. */
  actor: optionalText(60),
  action: optionalText(40, /^[A-Z][A-Z0-9_]*$/),
  entityType: optionalText(40, /^[A-Za-z][A-Za-z0-9_]*$/),
  entityId: optionalText(64),
  from: optionalDay,
  to: optionalDay,
  page: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(100000).default(1),
  pageSize: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(200).default(20),
});
export type ListAuditInput = z.infer<typeof listAuditSchema>;
