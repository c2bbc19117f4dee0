// Bulk import of the roster: the documented file format, a template, and the dry-run → apply
// wizard. Roster managers only (the API checks again and rejects rows outside their region).
// The column reference is the kit's DataTable in a Section.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Button from "@mui/material/Button";
import FileDownloadOutlined from "@mui/icons-material/FileDownloadOutlined";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import type { Translate } from "@/lib/i18n";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { canImportInstitutions } from "@/lib/auth/policy";
import { RosterTabs } from "../_components/roster-tabs";
import { ImportWizard } from "./_components/import-wizard";
import s from "./import.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("rosterUi.import.title") };
}

/** Column → example or accepted values (codes; the import also takes the Chinese labels). */
const COLUMN_EXAMPLES: [string, string, boolean][] = [
  ["code", "H13100200001 / P13100200001", true],
  ["name", "廊坊市人民医院", false],
  ["short_name", "廊坊市医", false],
  [
    "type",
    "HOSPITAL | PRIMARY_CARE | PHARMACY | ELDERLY_CARE_MEDICAL | INTERNET_HOSPITAL（医院、基层医疗机构、零售药店…）",
    false,
  ],
  ["level", "LEVEL_1 | LEVEL_2 | LEVEL_3 | UNRATED（一级、二级、三级、未定级）", false],
  ["grade", "A | B | C（甲、乙、丙）", false],
  ["ownership", "PUBLIC | PRIVATE（公立、民营）", false],
  ["region_code", "131002", false],
  ["address", "河北省廊坊市安次区…", false],
  ["phone", "0316-2012345", false],
  ["status", "ACTIVE | SUSPENDED | REVOKED（正常、暂停、解除）", false],
  ["designated_since", "2019-03-01", false],
  ["services", "INPATIENT@2019-03-01;OUTPATIENT@2020-01-01;CHRONIC:HYPERTENSION,DIABETES@2021-06-01;PHARMACY", false],
];

const TEMPLATE = [
  "code,name,short_name,type,level,grade,ownership,region_code,address,phone,status,designated_since,services",
  'H13100200901,廊坊市示例医院,示例医院,HOSPITAL,LEVEL_2,A,PUBLIC,131002,河北省廊坊市安次区示例路1号,0316-2000001,ACTIVE,2020-01-01,"INPATIENT@2020-01-01;OUTPATIENT@2020-01-01;CHRONIC:HYPERTENSION,DIABETES@2021-06-01"',
  "P13100200901,廊坊市示例大药房,,PHARMACY,UNRATED,,PRIVATE,131002,河北省廊坊市安次区示例路2号,0316-2000002,ACTIVE,2021-05-01,PHARMACY@2021-05-01",
].join("\r\n");

type ColumnExample = (typeof COLUMN_EXAMPLES)[number];

function columnsOf(t: Translate): Column<ColumnExample>[] {
  return [
    {
      key: "column",
      header: t("rosterUi.import.column"),
      cell: ([column, , required]) => (
        <>
          <code>{column}</code>
          {required && <span className={s.required}>*</span>}
        </>
      ),
      nowrap: true,
    },
    {
      key: "meaning",
      header: t("rosterUi.import.meaning"),
      cell: ([column]) => t(`facilities.columns.${column}`),
      minWidth: 110,
    },
    {
      key: "example",
      header: t("rosterUi.import.example"),
      cell: ([column, example]) => (
        <>
          <code className={s.exampleText}>{example}</code>
          {column === "services" && <p className={`yb-body2 ${s.intro}`}>{t("rosterUi.import.servicesFormat")}</p>}
        </>
      ),
      minWidth: 220,
    },
  ];
}

export default async function ImportPage() {
  const actor = await requireArea("facilities");
  if (!canImportInstitutions(actor)) notFound();
  const t = await getT();
  // A UTF-8 BOM so Excel opens the Chinese text correctly.
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}`)}`;
  return (
    <>
      <PageHeader
        title={t("facilities.title")}
        subtitle={t("rosterUi.import.subtitle")}
        actions={
          <Button
            variant="outlined"
            startIcon={<FileDownloadOutlined />}
            href={template}
            download="roster-import-template.csv"
            data-testid="import-template"
          >
            {t("rosterUi.import.template")}
          </Button>
        }
      />
      <RosterTabs manager />
      <ImportWizard />
      <Section title={t("rosterUi.import.columnsTitle")} subtitle={t("rosterUi.import.columnsIntro")}>
        <DataTable
          columns={columnsOf(t)}
          rows={COLUMN_EXAMPLES}
          rowKey={([column]) => column}
          label={t("rosterUi.import.columnsTitle")}
          testId="import-columns"
          hover={false}
        />
      </Section>
    </>
  );
}
