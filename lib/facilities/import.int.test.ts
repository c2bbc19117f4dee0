import crypto from "node:crypto";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { bureauFor, createActor } from "../../tests/factories";
import { createInstitution as makeInstitution, nextInstitutionCode } from "../../tests/factories/institutions";
import { ForbiddenError } from "../errors";
import { approveChange } from "./service";
import { changeStatus } from "./commands";
import { requireInstitution, servicesOn } from "./queries";
import { importInstitutions } from "./import";
import { exportInstitutions } from "./export";
import { csvLine } from "./csv";
import { todayCn } from "./codes";
import { XLSX_CONTENT_TYPE } from "./xlsx";

const HEADER = [
  "code",
  "name",
  "short_name",
  "type",
  "level",
  "grade",
  "ownership",
  "region_code",
  "address",
  "phone",
  "status",
  "designated_since",
  "services",
];
const utf8 = (s: string) => new TextEncoder().encode(s);
const csv = (rows: string[][], header = HEADER) => [header, ...rows].map(csvLine).join("");

function row(code: string, overrides: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    code,
    name: `廊坊测试医院${code.slice(-5)}`,
    short_name: "",
    type: "HOSPITAL",
    level: "LEVEL_2",
    grade: "A",
    ownership: "PUBLIC",
    region_code: code.slice(1, 7),
    address: "廊坊市安次区",
    phone: "0316-1234567",
    status: "ACTIVE",
    designated_since: "2019-01-01",
    services: "INPATIENT@2020-01-01;OUTPATIENT@2020-01-01",
    ...overrides,
  };
  return HEADER.map((h) => base[h]!);
}

async function body(file: { body: ReadableStream<Uint8Array> }): Promise<Uint8Array> {
  return new Uint8Array(await new Response(file.body).arrayBuffer());
}

describe("import: dry run, apply, idempotence", () => {
  it("dry-runs without writing, applies in one go with history and one audit entry, and a second import changes nothing", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const codes = [nextInstitutionCode("131002"), nextInstitutionCode("131003"), nextInstitutionCode("131022", true)];
    const file = utf8(
      csv([
        row(codes[0]!, {
          short_name: "安次一院",
          services: "INPATIENT@2020-01-01;CHRONIC:DIABETES,HYPERTENSION@2021-03-01",
        }),
        row(codes[1]!, { level: "三级", grade: "甲", type: "医院", ownership: "公立", designated_since: "2018/5/6" }),
        row(codes[2]!, {
          name: "老百姓大药房（固安新华路店）",
          type: "PHARMACY",
          level: "UNRATED",
          grade: "",
          ownership: "PRIVATE",
          services: "PHARMACY",
        }),
      ]),
    );
    const dry = await importInstitutions(lf, file, "text/csv", { dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      format: "csv",
      encoding: "utf-8",
      totalRows: 3,
      counts: { new: 3, changed: 0, unchanged: 0, rejected: 0 },
      applied: false,
    });
    expect(dry.errors).toEqual([]);
    expect(await prisma.institution.count({ where: { code: { in: codes } } })).toBe(0);

    const progress: number[] = [];
    const applied = await importInstitutions(lf, file, "text/csv", {
      dryRun: false,
      onProgress: (p) => progress.push(p.fraction),
    });
    expect(applied).toMatchObject({ applied: true, counts: { new: 3 }, written: { new: 3, changed: 0 } });
    expect(progress.at(-1)).toBe(1);
    const first = await requireInstitution(lf, codes[0]!);
    expect(first).toMatchObject({ shortName: "安次一院", status: "ACTIVE", designatedSince: "2019-01-01" });
    expect(first.services).toEqual([
      { service: "INPATIENT", diseases: [], openedOn: "2020-01-01" },
      { service: "CHRONIC", diseases: ["HYPERTENSION", "DIABETES"], openedOn: "2021-03-01" },
    ]);
    expect(first.history).toMatchObject([{ field: "*", source: "CREATE", importId: applied.importId }]);
    const second = await requireInstitution(lf, codes[1]!);
    expect(second).toMatchObject({ level: "LEVEL_3", grade: "A", designatedSince: "2018-05-06" });
    const pharmacy = await requireInstitution(lf, codes[2]!);
    expect(pharmacy.services.map((s) => s.service)).toEqual(["PHARMACY"]);
    expect(pharmacy.services[0]!.openedOn).toBe(todayCn());
    const audits = await prisma.auditLog.findMany({ where: { action: "IMPORT", entityId: applied.importId! } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ counts: { new: 3 } });

    // Pharmacy opened "today" (no date in the file) — a re-import of the same file is unchanged too.
    const again = await importInstitutions(lf, file, "text/csv", { dryRun: false });
    expect(again).toMatchObject({
      applied: false,
      importId: null,
      counts: { new: 0, changed: 0, unchanged: 3, rejected: 0 },
    });
    const after = await prisma.institution.findMany({ where: { code: { in: codes } }, select: { version: true } });
    expect(after.every((i) => i.version === 1)).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "IMPORT", actorId: lf.id } })).toBe(1);
  });

  it("updates only what differs, field by field; a column left out stays as it is", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const inst = await makeInstitution({
      regionCode: "131002",
      name: "廊坊市安次区人民医院",
      services: [
        { service: "INPATIENT", openedOn: "2020-01-01" },
        { service: "OUTPATIENT", openedOn: "2020-01-01" },
      ],
    });
    // Chinese headers, another order, no address/phone/short_name columns.
    const file = csv(
      [
        [
          inst.code,
          "廊坊市安次区第一人民医院",
          "二级",
          "甲等",
          "医院",
          "公立",
          "131002",
          "正常",
          "2018-01-01",
          "INPATIENT@2020-01-01;CHRONIC:DIALYSIS@2022-02-02",
        ],
      ],
      ["机构编码", "机构名称", "级别", "等次", "机构类型", "经营性质", "区划代码", "状态", "定点日期", "异地结算服务"],
    );
    const report = await importInstitutions(lf, utf8(file), "text/csv", { dryRun: false });
    expect(report.counts).toEqual({ new: 0, changed: 1, unchanged: 0, rejected: 0 });
    expect(report.rows).toEqual([{ row: 2, code: inst.code, outcome: "changed", fields: ["name", "services"] }]);
    const d = await requireInstitution(lf, inst.code);
    expect(d).toMatchObject({ name: "廊坊市安次区第一人民医院", phone: "0316-2011111", version: 2 });
    expect(d.services.map((s) => s.service)).toEqual(["INPATIENT", "CHRONIC"]);
    const h = await prisma.institutionHistory.findMany({
      where: { institutionId: inst.id, source: "IMPORT" },
      orderBy: { field: "asc" },
    });
    expect(h.map((x) => [x.field, x.before, x.after])).toEqual([
      ["name", "廊坊市安次区人民医院", "廊坊市安次区第一人民医院"],
      ["services.CHRONIC", null, { openedOn: "2022-02-02", diseases: ["DIALYSIS"] }],
      [
        "services.OUTPATIENT",
        { openedOn: "2020-01-01" },
        { closedOn: todayCn(), reason: "facilities.reasons.importRemoved" },
      ],
    ]);
    expect((await servicesOn(inst.code, "2021-01-01")).services.map((s) => s.service)).toEqual([
      "INPATIENT",
      "OUTPATIENT",
    ]);
  });
});

describe("import: broken rows", () => {
  it("reports every broken row by row number and field, and writes only the valid ones", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const good = nextInstitutionCode("131002");
    const dup = nextInstitutionCode("131002");
    const beijing = nextInstitutionCode("110105");
    const rows = [
      row(good), // 2
      row("H1310020001"), // 3 bad code
      row(nextInstitutionCode("131002"), { region_code: "139999" }), // 4 unknown region
      row(nextInstitutionCode("131002"), { services: "INPATIENT;DENTAL@2020-01-01" }), // 5 unknown service
      row(nextInstitutionCode("131002"), { designated_since: "2019-02-30" }), // 6 bad date
      row(dup), // 7 duplicate
      row(dup, { name: "另一家" }), // 8 duplicate
      row(beijing, { region_code: "110105" }), // 9 outside Langfang
      row(nextInstitutionCode("131002"), { level: "UNRATED" }), // 10 grade without level
      row(nextInstitutionCode("131002"), { type: "PHARMACY" }), // 11 H code for a pharmacy
      row(nextInstitutionCode("131002"), { services: "CHRONIC:FLU@2020-01-01;INPATIENT@2020-13-01" }), // 12 two service errors
      row(nextInstitutionCode("131002"), { name: '=HYPERLINK("x")' }), // 13 formula
    ];
    const dry = await importInstitutions(lf, utf8(csv(rows)), "text/csv", { dryRun: true });
    expect(dry.counts).toEqual({ new: 1, changed: 0, unchanged: 0, rejected: 11 });
    const by = (r: number) => dry.errors.filter((e) => e.row === r).map((e) => `${e.field}:${e.message.key}`);
    expect(by(2)).toEqual([]);
    expect(by(3)).toEqual(["code:facilities.validation.code"]);
    expect(by(4)).toEqual(["region_code:facilities.validation.unknownRegion"]);
    expect(by(5)).toEqual(["services:facilities.validation.unknownService"]);
    expect(by(6)).toEqual(["designated_since:facilities.validation.date"]);
    expect(by(7)).toEqual(["code:facilities.import.duplicateInFile"]);
    expect(by(8)).toEqual(["code:facilities.import.duplicateInFile"]);
    expect(dry.errors.find((e) => e.row === 7)!.message.params).toEqual({ code: dup, rows: "7, 8" });
    expect(by(9)).toEqual(["region_code:facilities.validation.outOfScope"]);
    expect(by(10)).toEqual(["grade:facilities.validation.gradeNeedsLevel"]);
    expect(by(11)).toEqual(
      expect.arrayContaining(["type:facilities.validation.codeType", "level:facilities.validation.pharmacyLevel"]),
    );
    expect(by(12)).toEqual([
      "services:facilities.validation.unknownDisease",
      "services:facilities.validation.serviceDate",
    ]);
    expect(by(13)).toEqual(["name:facilities.validation.formula"]);

    const applied = await importInstitutions(lf, utf8(csv(rows)), "text/csv", { dryRun: false });
    expect(applied.written).toEqual({ new: 1, changed: 0 });
    const written = await prisma.institution.findMany({
      where: { code: { in: rows.map((r) => r[0]!) } },
      select: { code: true },
    });
    expect(written.map((w) => w.code)).toEqual([good]);
  });

  it("decodes a GB18030 file as Excel on Chinese Windows writes it, and UTF-8 with BOM", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const [a, b] = [nextInstitutionCode("131024"), nextInstitutionCode("131024")];
    const gb = iconv.encode(csv([row(a, { name: "香河县中医医院", address: "香河县新开街" })]), "gb18030");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gb)).toThrow();
    const r1 = await importInstitutions(lf, new Uint8Array(gb), "text/csv", { dryRun: false });
    expect(r1).toMatchObject({ encoding: "gb18030", written: { new: 1 } });
    expect((await requireInstitution(lf, a)).name).toBe("香河县中医医院");
    const bom = utf8("\ufeff" + csv([row(b, { name: "香河县人民医院" })]));
    const r2 = await importInstitutions(lf, bom, "text/csv; charset=utf-8", { dryRun: false });
    expect(r2).toMatchObject({ encoding: "utf-8-bom", written: { new: 1 } });
    expect((await requireInstitution(lf, b)).name).toBe("香河县人民医院");
  });

  it("refuses a binary file as wrong encoding and writes nothing; an XLSX type that is no XLSX too", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const before = await prisma.institution.count();
    const garbage = new Uint8Array(crypto.randomBytes(4096));
    const r = await importInstitutions(lf, garbage, "text/csv", { dryRun: false });
    expect(r).toMatchObject({
      applied: false,
      totalRows: 0,
      errors: [{ row: 0, field: "file", message: { key: "facilities.import.wrongEncoding" } }],
    });
    const x = await importInstitutions(lf, utf8("code\nH13100200001\n"), XLSX_CONTENT_TYPE, { dryRun: true });
    expect(x.errors[0]!.message.key).toBe("facilities.import.badXlsx");
    const noCode = await importInstitutions(lf, utf8("name,type\n某医院,HOSPITAL\n"), "text/csv", { dryRun: true });
    expect(noCode.errors[0]).toMatchObject({ field: "code", message: { key: "facilities.import.missingCodeColumn" } });
    expect(await prisma.institution.count()).toBe(before);
  });

  it("applies only the chosen rows, and only roster managers may import", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const analyst = await createActor("131000", ["ANALYST"]);
    const codes = [nextInstitutionCode("131025"), nextInstitutionCode("131025"), nextInstitutionCode("131025")];
    const file = utf8(csv(codes.map((c) => row(c))));
    await expect(importInstitutions(analyst, file, "text/csv", { dryRun: true })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const r = await importInstitutions(lf, file, "text/csv", { dryRun: false, rows: "2,4" });
    expect(r.written).toEqual({ new: 2, changed: 0 });
    const written = await prisma.institution.findMany({
      where: { code: { in: codes } },
      select: { code: true },
      orderBy: { code: "asc" },
    });
    expect(written.map((w) => w.code)).toEqual([codes[0], codes[2]]);
  });
});

describe("export → re-import changes nothing", () => {
  async function seedTangshan() {
    // 唐山市 (130200) is used by this test only.
    await makeInstitution({
      regionCode: "130202",
      name: "唐山市工人医院",
      shortName: "工人医院",
      level: "LEVEL_3",
      grade: "A",
      address: "唐山市路南区文化路 27 号",
      phone: "0315-2815111",
      services: [
        { service: "INPATIENT", openedOn: "2019-04-01" },
        { service: "CHRONIC", diseases: ["CANCER", "DIALYSIS"], openedOn: "2020-06-01" },
      ],
    });
    await makeInstitution({ regionCode: "130203", name: '唐山市第二医院, "骨科"', address: "多行\n地址" });
    await makeInstitution({
      regionCode: "130204",
      type: "PHARMACY",
      name: "唐山德顺堂大药房",
      level: "UNRATED",
      grade: null,
      ownership: "PRIVATE",
      services: [{ service: "PHARMACY", openedOn: "2021-01-01" }],
    });
    const revoked = await makeInstitution({
      regionCode: "130205",
      name: "唐山市开平区某诊所",
      level: "LEVEL_1",
      grade: "C",
      services: [{ service: "OUTPATIENT" }],
    });
    const national = await createActor("000000", ["ROSTER_MANAGER"]);
    await changeStatus(national, revoked.code, { status: "REVOKED", reason: "解除协议", version: 1 });
    const suspended = await makeInstitution({
      regionCode: "130207",
      name: "唐山市丰南区医院",
      services: [{ service: "OUTPATIENT" }],
    });
    await changeStatus(national, suspended.code, { status: "SUSPENDED", reason: "整改", version: 1 });
  }

  it("CSV and XLSX exports of a filter re-import as all unchanged", async () => {
    await seedTangshan();
    const hb = await createActor("130000", ["ROSTER_MANAGER"]);
    for (const format of ["csv", "xlsx"] as const) {
      const file = await exportInstitutions(hb, { region: "130200", sort: "name" }, format);
      const bytes = await body(file);
      if (format === "csv") {
        const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
        expect(
          text.startsWith(
            "\ufeffcode,name,short_name,type,level,grade,ownership,region_code,address,phone,status,designated_since,services\r\n",
          ),
        ).toBe(true);
        expect(text).toContain("INPATIENT@2019-04-01;CHRONIC:CANCER,DIALYSIS@2020-06-01");
      }
      const report = await importInstitutions(hb, bytes, file.contentType, { dryRun: false });
      expect(report.errors, format).toEqual([]);
      expect(report.counts, format).toEqual({ new: 0, changed: 0, unchanged: 5, rejected: 0 });
      expect(report.applied).toBe(false);
    }
    const versions = await prisma.institution.findMany({
      where: { regionCode: { startsWith: "1302" } },
      select: { version: true },
    });
    expect(versions.map((v) => v.version).sort()).toEqual([1, 1, 1, 2, 2]);
  });

  it("an export by anyone re-imported by a manager of another region is unchanged, not rejected", async () => {
    const inst = await makeInstitution({ regionCode: "130302", name: "秦皇岛市第一医院" });
    const reader = await createActor("310000", ["ANALYST"]);
    const file = await exportInstitutions(reader, { q: "秦皇岛市第一医院" }, "csv");
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const r = await importInstitutions(lf, await body(file), file.contentType, { dryRun: true });
    expect(r.counts).toEqual({ new: 0, changed: 0, unchanged: 1, rejected: 0 });
    expect(inst.code).toMatch(/^H130302/);
  });

  it("reads an XLSX written by a spreadsheet: numbers and date cells become text", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const code = nextInstitutionCode("131026");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名录");
    ws.addRow(["机构编码", "机构名称", "机构类型", "级别", "等次", "经营性质", "区划代码", "定点日期", "异地结算服务"]);
    ws.addRow([
      code,
      "文安县医院",
      "HOSPITAL",
      "二级",
      "乙",
      "公立",
      131026,
      new Date(Date.UTC(2016, 8, 1)),
      "INPATIENT@2017-01-01",
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importInstitutions(lf, bytes, XLSX_CONTENT_TYPE, { dryRun: false });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ format: "xlsx", written: { new: 1 } });
    expect(await requireInstitution(lf, code)).toMatchObject({
      name: "文安县医院",
      grade: "B",
      designatedSince: "2016-09-01",
    });
  });
});

describe("import under maker-checker", () => {
  it("waits as one change request and is applied when another roster manager approves", async () => {
    const bureau = await bureauFor("130600");
    await prisma.bureau.update({ where: { id: bureau.id }, data: { makerChecker: true } });
    const maker = await createActor("130600", ["ROSTER_MANAGER"]);
    const checker = await createActor("130600", ["ROSTER_MANAGER"]);
    const code = nextInstitutionCode("130602");
    const r = await importInstitutions(maker, utf8(csv([row(code)])), "text/csv", { dryRun: false });
    expect(r).toMatchObject({ applied: false, counts: { new: 1 } });
    expect(r.pendingChangeId).toBeTruthy();
    expect(await prisma.institution.count({ where: { code } })).toBe(0);
    await expect(approveChange(maker, r.pendingChangeId!)).rejects.toBeInstanceOf(ForbiddenError);
    await approveChange(checker, r.pendingChangeId!, "同意");
    const d = await requireInstitution(checker, code);
    expect(d.history[0]).toMatchObject({ source: "CREATE", changeRequestId: r.pendingChangeId });
    expect(d.history[0]!.requestedBy).toContain(maker.username);
    const req = await prisma.institutionChangeRequest.findUniqueOrThrow({ where: { id: r.pendingChangeId! } });
    expect(req).toMatchObject({ state: "APPROVED", file: null, comment: "同意" });
  });
});
