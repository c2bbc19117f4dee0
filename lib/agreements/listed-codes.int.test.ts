// The edit form's list of explicitly listed institutions against a real PostgreSQL: the edit
// page loads every code (not one page of covered institutions) and saving sends the whole list
// back, which replaces the stored one, so a list longer than any page must survive an edit.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createActor } from "@/tests/factories";
import { createDraft, nationalOfficer } from "@/tests/factories/agreements";
import { NotFoundError } from "@/lib/errors";
import { updateAgreement } from "./service";
import { requireAgreement, listedInstitutionCodes } from "./queries";

const LISTED = 1000;

/** `n` ACTIVE level-1 hospitals in 河北省石家庄市长安区, inserted in one statement; their codes, sorted. */
async function bulkInstitutions(prefix: string, n: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ code: string }[]>`
    INSERT INTO institution (code, name, type, level, ownership, region_code, status, status_since, designated_since)
    SELECT ${prefix} || lpad(g::text, 8, '0'), '测试卫生院' || g, 'HOSPITAL'::"InstitutionType", 'LEVEL_1'::"InstitutionLevel",
           'PUBLIC'::"Ownership", '130102', 'ACTIVE'::"InstitutionStatus", DATE '2015-01-01', DATE '2015-01-01'
      FROM generate_series(1, ${n}::int) AS g
    RETURNING code`;
  return rows.map((r) => r.code).sort();
}

/** What the form does with the list: one code per line into the textarea, then split on separators. */
const throughTextarea = (codes: string[]) =>
  codes
    .join("\n")
    .split(/[\s,，;；、]+/)
    .filter(Boolean);

describe("listed institution codes on the edit form", () => {
  it(`${LISTED} listed codes survive loading the edit form and saving it`, async () => {
    const codes = await bulkInstitutions("H130", LISTED);
    const officer = await nationalOfficer();
    const draft = await createDraft({ institutionCodes: [...codes].reverse() }, officer);
    expect(draft.institutionCount).toBe(LISTED);

    const loaded = await listedInstitutionCodes(officer, draft.id);
    expect(loaded).toEqual(codes);

    // Save the form as a draft edit sends it: every substantive field, the whole list included.
    const saved = await updateAgreement(officer, draft.id, {
      number: draft.number,
      title: `${draft.title}（修订）`,
      type: draft.type,
      direction: draft.direction,
      parties: draft.parties.map((p) => ({ regionCode: p.regionCode, role: p.role })),
      services: draft.services,
      effectiveFrom: draft.effectiveFrom,
      institutionCodes: throughTextarea(loaded),
      scopeRule: draft.scopeRule,
      version: draft.version,
    });
    expect(saved).toMatchObject({ institutionCount: LISTED, version: draft.version + 1 });
    expect(await listedInstitutionCodes(officer, draft.id)).toEqual(codes);

    // Adding one code to the loaded list keeps every other.
    const [extra] = await bulkInstitutions("H139", 1);
    const grown = await updateAgreement(officer, draft.id, {
      institutionCodes: throughTextarea([...loaded, extra!]),
      version: saved.version,
    });
    expect(grown.institutionCount).toBe(LISTED + 1);
    expect(await listedInstitutionCodes(officer, draft.id)).toEqual([...codes, extra!]);
  });

  it("is public like the agreement itself, and unknown or malformed ids are not found", async () => {
    const [code] = await bulkInstitutions("H131", 1);
    const draft = await createDraft({ institutionCodes: [code!], scopeRule: null });
    const sh = await createActor("310000", ["AGREEMENT_OFFICER"]);
    expect((await requireAgreement(sh, draft.id)).institutionCount).toBe(1);
    expect(await listedInstitutionCodes(sh, draft.id)).toEqual([code]);
    await expect(listedInstitutionCodes(sh, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(listedInstitutionCodes(sh, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an agreement covered only by its rule lists nothing", async () => {
    const draft = await createDraft();
    expect(await listedInstitutionCodes(await nationalOfficer(), draft.id)).toEqual([]);
  });
});
