// Which part of the country a list shows: lists open on the user's own jurisdiction and widen to
// the nation with one visible click; the URL says which (url-query.ts `jurisdiction`: no region
// = own, `?region=all` = national). Server component: two tag links.
import type { Translate } from "@/lib/i18n";
import { Tag, TagLink, Tags } from "./tag";
import { NATIONAL, nextQuery, withQuery } from "./url-query";

export function ScopeSwitch({
  t,
  pathname,
  query,
  ownName,
  national,
  isOwn,
  chosenName,
  param = "region",
}: {
  t: Translate;
  pathname: string;
  /** The list's current query (its filters are kept; the page goes back to 1). */
  query: Record<string, string>;
  ownName: string;
  national: boolean;
  isOwn: boolean;
  /** The name of a region chosen in the filter (neither own nor national). */
  chosenName?: string;
  param?: string;
}) {
  const href = (value: string | undefined) =>
    withQuery(pathname, nextQuery(new URLSearchParams(query), { [param]: value })) || pathname;
  const option = (active: boolean, label: string, to: string, testId: string) => (
    <TagLink
      href={to}
      label={label}
      color={active ? "primary" : "default"}
      variant={active ? "filled" : "outlined"}
      aria-current={active ? "true" : undefined}
      data-testid={testId}
    />
  );
  return (
    <div className="yb-scope" role="group" aria-label={t("ui.scope.label")} data-testid="scope-switch">
      <Tags>
        {!(isOwn && national) && option(isOwn, t("ui.scope.own", { region: ownName }), href(undefined), "scope-own")}
        {option(national, t("ui.scope.national"), href(NATIONAL), "scope-national")}
        {!isOwn && !national && chosenName && (
          <Tag label={t("ui.scope.chosen", { region: chosenName })} color="primary" testId="scope-chosen" />
        )}
      </Tags>
    </div>
  );
}
