// Bureaus: names, region, user count and the roster's maker-checker rule, each editable in a
// dialog. The table is plain markup with the kit's classes and tags; the per-row edit button
// (with its dialog) stays MUI's.
import { Panel } from "@/components/ui/panel";
import { Tag } from "@/components/ui/tag";
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
      <Panel className="yb-table-wrap">
        <table className="yb-table" aria-label={t("admin.bureaus.title")}>
          <thead>
            <tr>
              <th scope="col">{t("admin.bureaus.name")}</th>
              <th scope="col">{t("admin.bureaus.region")}</th>
              <th scope="col">{t("admin.bureaus.level")}</th>
              <th scope="col" className="yb-right">
                {t("admin.bureaus.users")}
              </th>
              <th scope="col">{t("admin.bureaus.makerChecker")}</th>
              <th scope="col" className="yb-right">
                {t("common.actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {bureaus.map((b) => (
              <tr key={b.id} className="yb-hover">
                <td>{locale === "en" ? b.nameEn : b.name}</td>
                <td>
                  {b.regionName} <code className="yb-caption yb-secondary">{b.regionCode}</code>
                </td>
                <td>{t(`admin.bureaus.levels.${b.level}`)}</td>
                <td className="yb-right">{b.userCount}</td>
                <td>
                  <Tag
                    label={b.makerChecker ? t("admin.bureaus.on") : t("admin.bureaus.off")}
                    color={b.makerChecker ? "success" : "default"}
                    variant={b.makerChecker ? "filled" : "outlined"}
                  />
                </td>
                <td className="yb-right">
                  <BureauDialog
                    label={t("common.edit")}
                    initial={{ id: b.id, regionCode: b.regionCode, name: b.name, nameEn: b.nameEn, makerChecker: b.makerChecker, version: b.version }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </>
  );
}
