"use client";
// The roster grid: MUI X DataGrid in server mode. Rows, total, sort and page come from the
// server (URL state); every change here replaces the URL and the page re-renders.
import Link from "next/link";
import { useRouter } from "next/navigation";
import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import { DataGrid, type GridColDef, type GridPaginationModel, type GridSortModel } from "@mui/x-data-grid";
import { enUS as gridEnUS, zhCN as gridZhCN } from "@mui/x-data-grid/locales";
import { useI18n } from "@/components/i18n/i18n-provider";
import { levelLabel, ServiceChips, StatusChip } from "./labels";
import { useUrlState } from "@/components/ui/use-url-state";
import type { Translate } from "@/lib/i18n";

export interface RosterRow {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  type: string;
  level: string;
  grade: string | null;
  region: { code: string; name: string };
  status: string;
  statusSince: string;
  services: { service: string; diseases: string[]; openedOn: string }[];
  designatedSince: string;
}

/** Grid column → the list's sort key (columns not listed are not sortable). */
const SORT_OF: Record<string, string> = {
  code: "code",
  name: "name",
  level: "level",
  region: "region",
  designatedSince: "designatedSince",
};
const COLUMN_OF: Record<string, string> = Object.fromEntries(Object.entries(SORT_OF).map(([c, s]) => [s, c]));

/** The name links to the record; the short name follows when it differs. */
function NameCell({ row, tabIndex }: { row: RosterRow; tabIndex: number }) {
  return (
    <Box sx={{ overflow: "hidden", textOverflow: "ellipsis" }}>
      <Box
        component={Link}
        href={`/facilities/${row.code}`}
        tabIndex={tabIndex}
        sx={{ color: "primary.main", textDecoration: "none", "&:hover": { textDecoration: "underline" } }}
        data-testid="institution-link"
      >
        {row.name}
      </Box>
      {row.shortName && row.shortName !== row.name && (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
          {row.shortName}
        </Typography>
      )}
    </Box>
  );
}

function rosterColumns(t: Translate, locale: string): GridColDef<RosterRow>[] {
  return [
    {
      field: "code",
      headerName: t("rosterUi.grid.code"),
      width: 124,
      renderCell: ({ row }) => (
        <Box component="span" sx={{ fontFamily: "monospace", fontSize: "0.85rem" }}>
          {row.code}
        </Box>
      ),
    },
    {
      field: "name",
      headerName: t("rosterUi.grid.name"),
      flex: 1,
      minWidth: 220,
      // The link follows the grid's roving focus (tabIndex from the grid): one Tab stop for the
      // grid, arrows move between cells, Enter opens the row (onCellKeyDown below).
      renderCell: ({ row, tabIndex }) => <NameCell row={row} tabIndex={tabIndex} />,
    },
    {
      field: "type",
      headerName: t("rosterUi.grid.type"),
      width: locale === "en" ? 130 : 116,
      sortable: false,
      valueGetter: (_v, row) => t(`facilities.types.${row.type}`),
    },
    {
      field: "level",
      headerName: t("rosterUi.grid.level"),
      width: locale === "en" ? 96 : 92,
      valueGetter: (_v, row) => levelLabel(t, row.level, row.grade, locale),
    },
    {
      field: "region",
      headerName: t("rosterUi.grid.region"),
      width: 104,
      valueGetter: (_v, row) => row.region.name,
      renderCell: ({ row }) => <span title={row.region.code}>{row.region.name}</span>,
    },
    {
      field: "status",
      headerName: t("rosterUi.grid.status"),
      width: locale === "en" ? 112 : 80,
      sortable: false,
      renderCell: ({ row }) => <StatusChip status={row.status} t={t} />,
    },
    {
      field: "services",
      headerName: t("rosterUi.grid.services"),
      width: locale === "en" ? 256 : 220,
      sortable: false,
      renderCell: ({ row }) => <ServiceChips services={row.services} t={t} locale={locale} />,
    },
    { field: "designatedSince", headerName: t("rosterUi.grid.designatedSince"), width: 108 },
  ];
}

export function RosterGrid({
  rows,
  total,
  page,
  pageSize,
  sort,
}: {
  rows: RosterRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The list's sort parameter (`name`, `-designatedSince`): the grid shows its first key. */
  sort: string;
}) {
  const { t, locale } = useI18n();
  const { update, pending } = useUrlState({ replace: true });
  const router = useRouter();

  const columns = rosterColumns(t, locale);
  const first = sort.split(",")[0] ?? "";
  const by = first.replace(/^-/, "");
  const sortModel: GridSortModel = COLUMN_OF[by]
    ? [{ field: COLUMN_OF[by], sort: first.startsWith("-") ? "desc" : "asc" }]
    : [];
  const paginationModel: GridPaginationModel = { page: page - 1, pageSize };

  return (
    <Box data-testid="roster-grid">
      <DataGrid
        rows={rows}
        columns={columns}
        rowCount={total}
        loading={pending}
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        disableColumnFilter
        disableRowSelectionOnClick
        onCellKeyDown={(params, e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          router.push(`/facilities/${params.row.code}`);
        }}
        disableColumnMenu
        paginationModel={paginationModel}
        pageSizeOptions={[20, 50, 100]}
        onPaginationModelChange={(m) =>
          update({
            page: m.pageSize !== pageSize ? undefined : m.page + 1,
            pageSize: m.pageSize === 20 ? undefined : m.pageSize,
          })
        }
        sortModel={sortModel}
        sortingOrder={["asc", "desc"]}
        onSortModelChange={(m) => {
          const first = m[0];
          update({ sort: first ? `${first.sort === "desc" ? "-" : ""}${SORT_OF[first.field]}` : undefined });
        }}
        density="compact"
        rowHeight={44}
        autoHeight
        localeText={{
          ...(locale === "en" ? gridEnUS : gridZhCN).components.MuiDataGrid.defaultProps.localeText,
          noRowsLabel: t("rosterUi.grid.empty"),
        }}
        sx={{
          border: 0,
          "& .MuiDataGrid-columnHeaders": { bgcolor: "#f7f9fb" },
          "& .MuiDataGrid-columnHeaderTitle": { fontWeight: 600 },
        }}
      />
    </Box>
  );
}
