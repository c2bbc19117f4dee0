// Bureaus: names, region, user count and the roster's maker-checker rule, each editable in a
// dialog. The table is the kit's DataTable with its tags; the per-row edit button (with its
// dialog) stays MUI's.
import { Panel } from "@/components/ui/panel";
import { Tag } from "@/components/ui/tag";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { listBureaus } from "@/lib/bureaus/queries";
import { canCreateBureau } from "@/lib/auth/policy";
import type { Locale, Translate } from "@/lib/i18n";
import { BureauDialog } from "./_components/bureau-dialog";

export async function generateMetadata() {
  return { title: (await getT())("admin.bureaus.title") };
}

type Bureau = Awaited<ReturnType<typeof listBureaus>>[number];

function bureauColumns(t: Translate, locale: Locale): Column<Bureau>[] {
  return [
    { key: "name", header: t("admin.bureaus.name"), cell: (b) => (locale === "en" ? b.nameEn : b.name) },
    {
      key: "region",
      header: t("admin.bureaus.region"),
      cell: (b) => (
        <>
          {b.regionName} <code className="yb-caption yb-secondary">{b.regionCode}</code>
        </>
      ),
    },
    { key: "level", header: t("admin.bureaus.level"), cell: (b) => t(`admin.bureaus.levels.${b.level}`) },
    { key: "users", header: t("admin.bureaus.users"), align: "right", numeric: true, cell: (b) => b.userCount },
    {
      key: "makerChecker",
      header: t("admin.bureaus.makerChecker"),
      cell: (b) => (
        <Tag
          label={b.makerChecker ? t("admin.bureaus.on") : t("admin.bureaus.off")}
          color={b.makerChecker ? "success" : "default"}
          variant={b.makerChecker ? "filled" : "outlined"}
        />
      ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      align: "right",
      cell: (b) => (
        <BureauDialog
          label={t("common.edit")}
          initial={{
            id: b.id,
            regionCode: b.regionCode,
            name: b.name,
            nameEn: b.nameEn,
            makerChecker: b.makerChecker,
            version: b.version,
          }}
        />
      ),
    },
  ];
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
            <BureauDialog
              variant="contained"
              label={t("admin.bureaus.create")}
              initial={{ regionCode: "", name: "", nameEn: "", makerChecker: false }}
            />
          ) : undefined
        }
      />
      <Panel>
        <DataTable
          columns={bureauColumns(t, locale)}
          rows={bureaus}
          rowKey={(b) => b.id}
          label={t("admin.bureaus.title")}
          testId="bureaus-table"
        />
      </Panel>
    </>
  );
}
