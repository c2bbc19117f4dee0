"use client";
// Children of the current region, or search results (with each hit's path), as one table.
// A client component fed plain rows: a province list or a search repeats a dozen cells, links
// and tags per row, and as server markup each row went to the browser twice (the HTML and the
// React payload, ~1.3 KB per row there); as data it is ~90 bytes. The markup is plain elements
// with the kit's classes (kit.css, regions.module.css), rendered on the server all the same.
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Icon } from "@/components/ui/svg-icon";
import type { Translate } from "@/lib/i18n";
import type { RegionView } from "@/lib/regions/schemas";
import { LevelChip, PoolingChip, ScopeChip } from "./region-chips";
import { regionHref } from "./region-href";
import s from "./regions.module.css";

/** What a row shows: the region, and for a search hit its ancestors' names ("全国 › 河北省"). */
export interface RegionRow {
  code: string;
  name: string;
  level: RegionView["level"];
  poolingArea: boolean;
  childCount: number;
  path?: string;
}

// "—" for nothing, in body1 as the Typography span it was (its colour prop had no effect).
const NONE = <span className="yb-body1">—</span>;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
}

function regionColumns(t: Translate, nf: Intl.NumberFormat, showPath: boolean, ownCode: string): Column<RegionRow>[] {
  const columns: (Column<RegionRow> | false)[] = [
    {
      key: "code",
      header: t("regions.children.code"),
      width: 110,
      cell: (r) => <code className={s.code}>{r.code}</code>,
    },
    {
      key: "name",
      header: t("regions.children.name"),
      cell: (r) => (
        <div className={s.name}>
          <Link href={regionHref(r.code)} className={`yb-link ${s.nameLink}`} prefetch={false}>
            {r.name}
          </Link>
          {r.code === ownCode && <ScopeChip t={t} />}
        </div>
      ),
    },
    showPath && { key: "path", header: t("regions.search.path"), cell: (r) => <p className="yb-body2">{r.path}</p> },
    { key: "level", header: t("regions.children.level"), width: 110, cell: (r) => <LevelChip level={r.level} t={t} /> },
    {
      key: "pooling",
      header: t("regions.children.poolingArea"),
      width: 130,
      cell: (r) => (r.poolingArea ? <PoolingChip t={t} /> : NONE),
    },
    {
      key: "children",
      header: t("regions.children.childCount"),
      width: 120,
      align: "right",
      numeric: true,
      cell: (r) => (r.childCount ? nf.format(r.childCount) : NONE),
    },
    {
      key: "drill",
      header: t("common.actions"),
      width: 130,
      align: "right",
      cell: (r) =>
        r.childCount > 0 && (
          <Link
            href={regionHref(r.code)}
            className={`yb-link ${s.drill}`}
            prefetch={false}
            aria-label={t("regions.children.drillLabel", { name: r.name })}
          >
            {t("regions.children.drill")}
            <Icon name="chevronRight" size={20} />
          </Link>
        ),
    },
  ];
  return columns.filter((c): c is Column<RegionRow> => Boolean(c));
}

export function RegionTable({
  rows,
  showPath,
  ownCode,
  label,
  testId,
}: {
  rows: RegionRow[];
  showPath: boolean;
  ownCode: string;
  label: string;
  testId: string;
}) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      columns={regionColumns(t, numberFormat(locale), showPath, ownCode)}
      rows={rows}
      rowKey={(r) => r.code}
      rowProps={(r) => ({ "data-code": r.code })}
      label={label}
      testId={testId}
      className={s.regions}
    />
  );
}
