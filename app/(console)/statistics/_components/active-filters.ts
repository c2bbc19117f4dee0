// The dashboard's active-filter chips, named: 就医地: 河北省, 医疗机构: 廊坊市人民医院 — codes
// only where a name is unknown.
import type { Translate } from "@/lib/i18n";
import { findInstitution } from "@/lib/facilities/queries";
import { regionNames } from "@/lib/statistics/queries";
import type { Filters } from "@/lib/statistics/schemas";
import type { DashState } from "./params";

export interface ActiveFilter {
  label: string;
  remove: string;
}

/** `groupNames`: the names of region groups (group:<slug>) in the caller's locale. */
export async function activeFilters(
  f: Filters,
  t: Translate,
  link: (changes: DashState) => string,
  groupNames: Record<string, string> = {},
): Promise<ActiveFilter[]> {
  const [regions, institution] = await Promise.all([
    regionNames([...f.visitRegion, ...f.homeRegion]),
    f.institution ? findInstitution(f.institution) : null,
  ]);
  const names = { ...regions, ...groupNames };
  const label = (key: string, values: string[]) => `${t(key)}: ${values.join("、")}`;
  const active: ActiveFilter[] = [];
  if (f.visitRegion.length)
    active.push({
      label: label(
        "statistics.filters.visitRegion",
        f.visitRegion.map((c) => names[c] ?? c),
      ),
      remove: link({ visitRegion: undefined }),
    });
  if (f.homeRegion.length)
    active.push({
      label: label(
        "statistics.filters.homeRegion",
        f.homeRegion.map((c) => names[c] ?? c),
      ),
      remove: link({ homeRegion: undefined }),
    });
  if (f.serviceType.length)
    active.push({
      label: label(
        "statistics.filters.serviceType",
        f.serviceType.map((s) => t(`statistics.serviceTypes.${s}`)),
      ),
      remove: link({ serviceType: undefined }),
    });
  if (f.institution) {
    const named = institution
      ? label("statistics.institutions.name", [institution.name])
      : label("statistics.filters.institution", [f.institution]);
    active.push({ label: named, remove: link({ institution: undefined }) });
  }
  return active;
}
