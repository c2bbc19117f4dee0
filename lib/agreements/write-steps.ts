// The steps agreement writes share (service.ts): the reference check, the row data an input
// writes, the input normalised, the audit snapshot, and the update's cross-field check and list
// replacement.
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { ValidationError, type FieldErrors } from "../errors";
import { dateValue, isoDate } from "../facilities/codes";
import { agreementIssues, type CreateAgreementInput } from "./schemas";
import type { AgreementRow } from "./views";

type Tx = Prisma.TransactionClient;

/** Region codes that exist, and institution codes that exist, or field errors naming the rest. */
export async function checkReferences(regionCodes: string[], institutionCodes: string[]): Promise<void> {
  const errors: FieldErrors = {};
  const missingRegions = await missingCodes(regionCodes, (codes) =>
    prisma.region.findMany({ where: { code: { in: codes } }, select: { code: true } }),
  );
  if (missingRegions.length)
    errors.parties = [{ key: "agreements.validation.unknownRegion", params: { codes: missingRegions.join(", ") } }];
  const missingInst = await missingCodes(institutionCodes, (codes) =>
    prisma.institution.findMany({ where: { code: { in: codes } }, select: { code: true } }),
  );
  if (missingInst.length)
    errors.institutionCodes = [
      { key: "agreements.validation.unknownInstitution", params: { codes: missingInst.slice(0, 10).join(", ") } },
    ];
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** The codes (each once) that `existing` does not find; no query for an empty list. */
async function missingCodes(
  codes: string[],
  existing: (unique: string[]) => Promise<{ code: string }[]>,
): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (!unique.length) return [];
  const found = new Set((await existing(unique)).map((r) => r.code));
  return unique.filter((c) => !found.has(c));
}

export function rowData(input: Partial<CreateAgreementInput>) {
  return {
    ...(input.number !== undefined && { number: input.number }),
    ...(input.title !== undefined && { title: input.title }),
    ...(input.titleEn !== undefined && { titleEn: input.titleEn }),
    ...(input.type !== undefined && { type: input.type }),
    ...(input.direction !== undefined && { direction: input.direction }),
    ...(input.services !== undefined && { services: [...new Set(input.services)] }),
    ...(input.diseases !== undefined && { diseases: [...new Set(input.diseases)] }),
    ...(input.filingFree !== undefined && { filingFree: input.filingFree }),
    ...(input.effectiveFrom !== undefined && { effectiveFrom: dateValue(input.effectiveFrom) }),
    ...(input.effectiveTo !== undefined && { effectiveTo: input.effectiveTo ? dateValue(input.effectiveTo) : null }),
    ...(input.signedOn !== undefined && { signedOn: input.signedOn ? dateValue(input.signedOn) : null }),
    ...(input.documentRef !== undefined && { documentRef: input.documentRef }),
    ...(input.attachments !== undefined && { attachments: input.attachments as Prisma.InputJsonValue }),
    ...(input.notes !== undefined && { notes: input.notes }),
    ...(input.scopeRule !== undefined && { scopeRule: (input.scopeRule ?? null) as Prisma.InputJsonValue }),
    ...(input.ratioRules !== undefined && { ratioRules: input.ratioRules as Prisma.InputJsonValue }),
  };
}

/** A MUTUAL agreement's parties are all BOTH; FILING_FREE always carries the filing-free clause. */
export function normalise<T extends Partial<CreateAgreementInput>>(input: T, current?: AgreementRow): T {
  const direction = input.direction ?? current?.direction;
  const out = { ...input };
  if (direction === "MUTUAL" && out.parties) out.parties = out.parties.map((p) => ({ ...p, role: "BOTH" as const }));
  if ((input.type ?? current?.type) === "FILING_FREE") out.filingFree = true;
  if (out.scopeRule) {
    out.scopeRule = {
      ...(out.scopeRule.minLevel && { minLevel: out.scopeRule.minLevel }),
      ...(out.scopeRule.types?.length && { types: [...new Set(out.scopeRule.types)] }),
      ...(out.scopeRule.regionCodes?.length && { regionCodes: [...new Set(out.scopeRule.regionCodes)] }),
    };
  }
  return out;
}

/** A snapshot for the audit log. */
export function auditShape(r: AgreementRow, institutionCodes?: string[]) {
  return {
    number: r.number,
    title: r.title,
    type: r.type,
    direction: r.direction,
    parties: r.parties.map((p) => `${p.regionCode}:${p.role}`),
    services: r.services,
    diseases: r.diseases,
    filingFree: r.filingFree,
    effectiveFrom: isoDate(r.effectiveFrom),
    effectiveTo: r.effectiveTo ? isoDate(r.effectiveTo) : null,
    signedOn: r.signedOn ? isoDate(r.signedOn) : null,
    documentRef: r.documentRef,
    attachments: r.attachments,
    notes: r.notes,
    scopeRule: r.scopeRule,
    ratioRules: r.ratioRules,
    ...(institutionCodes && { institutionCodes }),
    status: r.status,
  };
}

/** The cross-field rules (agreementIssues) on the record as the update would leave it. */
export function checkMerged(input: Partial<CreateAgreementInput>, current: AgreementRow): void {
  const merged = {
    direction: input.direction ?? current.direction,
    parties: input.parties ?? current.parties.map((p) => ({ regionCode: p.regionCode, role: p.role })),
    effectiveFrom: input.effectiveFrom ?? isoDate(current.effectiveFrom),
    effectiveTo:
      input.effectiveTo !== undefined ? input.effectiveTo : current.effectiveTo ? isoDate(current.effectiveTo) : null,
    services: input.services ?? current.services,
    diseases: input.diseases ?? current.diseases,
    // Only whether a list exists matters to the cross-field rules.
    institutionCodes: input.institutionCodes ?? (current._count.institutions ? [""] : []),
    scopeRule: input.scopeRule !== undefined ? input.scopeRule : current.scopeRule,
  };
  const issues = agreementIssues(merged);
  if (Object.keys(issues).length) throw new ValidationError(issues);
}

/**
 * Replaces the parties and the listed institutions the update gives; returns the institution
 * codes listed before (for the audit), or undefined when the list is not replaced.
 */
export async function replaceLists(
  tx: Tx,
  id: string,
  input: Partial<CreateAgreementInput>,
): Promise<string[] | undefined> {
  let beforeCodes: string[] | undefined;
  if (input.parties) {
    await tx.agreementParty.deleteMany({ where: { agreementId: id } });
    await tx.agreementParty.createMany({
      data: input.parties.map((p) => ({ agreementId: id, regionCode: p.regionCode, role: p.role })),
    });
  }
  if (input.institutionCodes) {
    beforeCodes = (
      await tx.agreementInstitution.findMany({ where: { agreementId: id }, select: { institutionCode: true } })
    ).map((r) => r.institutionCode);
    await tx.agreementInstitution.deleteMany({ where: { agreementId: id } });
    await tx.agreementInstitution.createMany({
      data: [...new Set(input.institutionCodes)].map((c) => ({ agreementId: id, institutionCode: c })),
    });
  }
  return beforeCodes;
}
