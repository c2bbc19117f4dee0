// An agreement as the form edits it (text for lists, strings for dates and numbers), and the
// payload the service takes from it.
import type { PartyDraft } from "./parties-field";

export interface AgreementDraft {
  id?: string;
  version?: number;
  locked?: boolean;
  number: string;
  title: string;
  titleEn: string;
  type: string;
  direction: string;
  parties: PartyDraft[];
  services: string[];
  diseases: string[];
  filingFree: boolean;
  effectiveFrom: string;
  effectiveTo: string;
  signedOn: string;
  documentRef: string;
  notes: string;
  institutionCodes: string;
  useRule: boolean;
  minLevel: string;
  ruleTypes: string[];
  ruleRegions: string[];
  ratio: Record<string, string>;
  attachments: string;
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
// Codes contain no separators, so a pasted comma- or space-separated list is read as well.
export const codeList = (s: string) => s.split(/[\s,，;；、]+/).filter(Boolean);

/** What the service takes: a locked (active) agreement changes only its notes, reference, English title and attachments. */
export function toPayload(d: AgreementDraft) {
  const attachments = lines(d.attachments).map((l) => {
    const [name, ref] = l.split("|").map((x) => x.trim());
    return { name: name!, ...(ref && { ref }) };
  });
  if (d.locked) return { notes: d.notes, documentRef: d.documentRef, titleEn: d.titleEn, attachments };
  const ratioRules = Object.fromEntries(
    Object.entries(d.ratio)
      .filter(([, v]) => v.trim() !== "")
      .map(([k, v]) => [k, Number(v)]),
  );
  return {
    number: d.number,
    title: d.title,
    titleEn: d.titleEn,
    type: d.type,
    direction: d.direction,
    parties: d.parties.filter((p) => p.regionCode),
    services: d.services,
    diseases: d.diseases,
    filingFree: d.filingFree,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo || null,
    signedOn: d.signedOn || null,
    documentRef: d.documentRef,
    notes: d.notes,
    institutionCodes: codeList(d.institutionCodes),
    scopeRule: d.useRule
      ? {
          ...(d.minLevel && { minLevel: d.minLevel }),
          types: d.ruleTypes,
          regionCodes: d.ruleRegions,
        }
      : null,
    ratioRules,
    attachments,
  };
}
