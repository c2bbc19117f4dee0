import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { listBureaus } from "@/lib/bureaus/queries";
import { canCreateBureau } from "@/lib/auth/policy";
import { BureauDialog } from "./_components/bureau-dialog";

export async function generateMetadata() {
  return { title: (await getT())("admin.bureaus.title") };
}

export default async function BureausPage() {
  const actor = await requireArea("admin");
  const [t, locale, bureaus] = await Promise.all([getT(), getLocale(), listBureaus(actor)]);
  return (
    <>
      <PageHeader
        title={t("admin.bureaus.title")}
        subtitle={t("admin.bureaus.subtitle")}
        actions={
          canCreateBureau(actor) ? (
            <BureauDialog variant="contained" label={t("admin.bureaus.create")} initial={{ regionCode: "", name: "", nameEn: "", makerChecker: false }} />
          ) : undefined
        }
      />
      <TableContainer component={Paper}>
        <Table size="small" aria-label={t("admin.bureaus.title")}>
          <TableHead>
            <TableRow>
              <TableCell>{t("admin.bureaus.name")}</TableCell>
              <TableCell>{t("admin.bureaus.region")}</TableCell>
              <TableCell>{t("admin.bureaus.level")}</TableCell>
              <TableCell align="right">{t("admin.bureaus.users")}</TableCell>
              <TableCell>{t("admin.bureaus.makerChecker")}</TableCell>
              <TableCell align="right">{t("common.actions")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {bureaus.map((b) => (
              <TableRow key={b.id} hover>
                <TableCell>{locale === "en" ? b.nameEn : b.name}</TableCell>
                <TableCell>
                  {b.regionName} <span style={{ color: "#6b7785" }}>{b.regionCode}</span>
                </TableCell>
                <TableCell>{t(`admin.bureaus.levels.${b.level}`)}</TableCell>
                <TableCell align="right">{b.userCount}</TableCell>
                <TableCell>
                  <Chip
                    label={b.makerChecker ? t("admin.bureaus.on") : t("admin.bureaus.off")}
                    color={b.makerChecker ? "success" : "default"}
                    variant={b.makerChecker ? "filled" : "outlined"}
                  />
                </TableCell>
                <TableCell align="right">
                  <BureauDialog
                    label={t("common.edit")}
                    initial={{ id: b.id, regionCode: b.regionCode, name: b.name, nameEn: b.nameEn, makerChecker: b.makerChecker, version: b.version }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
