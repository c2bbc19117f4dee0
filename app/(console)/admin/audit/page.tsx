import Alert from "@mui/material/Alert";
import Paper from "@mui/material/Paper";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Translate } from "@/lib/i18n";
import { listAuditEntries } from "@/lib/audit/queries";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@/lib/audit/schemas";
import { pickParams, type RawParams } from "@/components/ui/url-query";
import { UrlPagination } from "@/components/ui/url-pagination";
import { AuditTable } from "../_components/audit-table";
import { toAuditRows } from "../_components/audit-rows";
import { AuditFilters } from "./_components/audit-filters";

export async function generateMetadata() {
  return { title: (await getT())("admin.audit.title") };
}

const FILTER_KEYS = ["actor", "action", "entityType", "entityId", "from", "to", "page", "pageSize"] as const;

/** The page asked for; a bad filter in a hand-edited URL gives the unfiltered log and says which. */
async function loadPage(actor: Actor, params: Record<string, string>, t: Translate) {
  try {
    return { page: await listAuditEntries(actor, params), invalid: null };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const fieldLabel = (field: string) => {
      const key = `admin.audit.${field}`;
      return t(key) === key ? field : t(key);
    };
    const invalid = Object.entries(e.fieldErrors)
      .map(([field, refs]) => `${fieldLabel(field)}：${refs.map((r) => t(r.key, r.params)).join("；")}`)
      .join("，");
    return { page: await listAuditEntries(actor, {}), invalid };
  }
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireArea("admin");
  const [t, sp] = await Promise.all([getT(), searchParams]);
  const params = pickParams(sp, FILTER_KEYS);
  const { page, invalid } = await loadPage(actor, params, t);
  const rows = await toAuditRows(actor, page.items, t);

  return (
    <>
      <PageHeader title={t("admin.audit.title")} subtitle={t("admin.audit.subtitle")} />
      {invalid && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="audit-filter-invalid">
          {t("admin.audit.filterInvalid", { message: invalid })}
        </Alert>
      )}
      <Paper>
        <AuditFilters
          key={JSON.stringify(params)}
          values={invalid ? {} : params}
          actions={[...AUDIT_ACTIONS]}
          entityTypes={[...AUDIT_ENTITY_TYPES]}
        />
        <AuditTable rows={rows} regionNames={page.regionNames} emptyText={t("admin.audit.empty")} />
        <UrlPagination total={page.total} page={page.page} pageSize={page.pageSize} />
      </Paper>
    </>
  );
}
