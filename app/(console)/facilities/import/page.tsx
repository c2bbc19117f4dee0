// Bulk import of the roster: the documented file format, a template, and the dry-run → apply
// wizard. Roster managers only (the API checks again and rejects rows outside their region).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import FileDownloadOutlined from "@mui/icons-material/FileDownloadOutlined";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { canImportInstitutions } from "@/lib/auth/policy";
import { RosterTabs } from "../_components/roster-tabs";
import { ImportWizard } from "./_components/import-wizard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("rosterUi.import.title") };
}

/** Column → example or accepted values (codes; the import also takes the Chinese labels). */
const COLUMN_EXAMPLES: [string, string, boolean][] = [
  ["code", "H13100200001 / P13100200001", true],
  ["name", "廊坊市人民医院", false],
  ["short_name", "廊坊市医", false],
  ["type", "HOSPITAL | PRIMARY_CARE | PHARMACY | ELDERLY_CARE_MEDICAL | INTERNET_HOSPITAL（医院、基层医疗机构、零售药店…）", false],
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
          <Button variant="outlined" startIcon={<FileDownloadOutlined />} href={template} download="roster-import-template.csv" data-testid="import-template">
            {t("rosterUi.import.template")}
          </Button>
        }
      />
      <RosterTabs manager />
      <ImportWizard />
      <Paper sx={{ mt: 2 }}>
        <Box sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: "divider" }}>
          <Typography variant="h4" component="h2">
            {t("rosterUi.import.columnsTitle")}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {t("rosterUi.import.columnsIntro")}
          </Typography>
        </Box>
        <TableContainer>
          <Table size="small" data-testid="import-columns">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 170 }}>{t("rosterUi.import.column")}</TableCell>
                <TableCell sx={{ width: 170 }}>{t("rosterUi.import.meaning")}</TableCell>
                <TableCell>{t("rosterUi.import.example")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {COLUMN_EXAMPLES.map(([column, example, required]) => (
                <TableRow key={column}>
                  <TableCell sx={{ fontFamily: "monospace" }}>
                    {column}
                    {required && (
                      <Typography component="span" color="error" sx={{ ml: 0.5 }}>
                        *
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{t(`facilities.columns.${column}`)}</TableCell>
                  <TableCell sx={{ wordBreak: "break-all" }}>
                    <Box component="span" sx={{ fontFamily: "monospace", fontSize: "0.8rem" }}>
                      {example}
                    </Box>
                    {column === "services" && (
                      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                        {t("rosterUi.import.servicesFormat")}
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>
    </>
  );
}
