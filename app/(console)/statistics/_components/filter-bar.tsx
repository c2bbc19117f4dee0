"use client";
// Filters (period, visit region, home region, service type, institution), held in the URL.
// The card and its grid are plain elements with static classes (dashboard.module.css) in the
// look of the MUI Paper and Box they replaced; the fields and buttons stay MUI.
// Controls changed but not applied mark the form dirty: the figures below grey out and a note
// says they still answer the applied filters (decision 015).
import { useState, type FormEvent } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { RegionPicker, codesOf, optionsOf } from "@/components/ui/region-picker";
import { InstitutionPicker } from "@/components/facilities/institution-picker";
import { SERVICE_TYPES } from "@/lib/settlements/codes";
import { CARD } from "@/components/ui/card-grid";
import css from "./dashboard.module.css";

export interface FilterValues {
  from: string;
  to: string;
  visitRegion: string;
  homeRegion: string;
  serviceType: string;
  institution: string;
}

export function FilterBar({
  initial,
  errors,
}: {
  initial: FilterValues;
  errors: Partial<Record<keyof FilterValues, string>>;
}) {
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [v, setV] = useState(initial);
  const dirty = (Object.keys(initial) as (keyof FilterValues)[]).some((k) => v[k].trim() !== initial[k].trim());
  const set = (k: keyof FilterValues) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams(searchParams.toString());
    for (const [k, val] of Object.entries(v)) {
      if (val.trim()) next.set(k, val.trim());
      else next.delete(k);
    }
    router.push(`${pathname}?${next.toString()}`);
  }

  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label={t("statistics.filters.title")}
      className={`${CARD} ${css.filters}`}
      data-testid="stats-filters"
      data-dirty={dirty ? "true" : undefined}
    >
      <div className={css.fields}>
        <TextField
          label={t("statistics.filters.from")}
          name="from"
          type="month"
          value={v.from}
          onChange={set("from")}
          error={Boolean(errors.from)}
          helperText={errors.from}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label={t("statistics.filters.to")}
          name="to"
          type="month"
          value={v.to}
          onChange={set("to")}
          error={Boolean(errors.to)}
          helperText={errors.to}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {(["visitRegion", "homeRegion"] as const).map((k) => (
          <RegionPicker
            key={k}
            multiple
            label={t(`statistics.filters.${k}`)}
            value={optionsOf(v[k])}
            onChange={(o) => setV({ ...v, [k]: codesOf(o) })}
            error={Boolean(errors[k])}
            helperText={errors[k]}
            testId={`stats-${k}`}
            width="100%"
            groups
          />
        ))}
        <TextField
          select
          label={t("statistics.filters.serviceType")}
          name="serviceType"
          value={SERVICE_TYPES.includes(v.serviceType as never) ? v.serviceType : ""}
          onChange={set("serviceType")}
        >
          <MenuItem value="">{t("statistics.filters.any")}</MenuItem>
          {SERVICE_TYPES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`statistics.serviceTypes.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <InstitutionPicker
          label={t("statistics.filters.institution")}
          name="institution"
          value={v.institution}
          onChange={(institution) => setV({ ...v, institution })}
          error={Boolean(errors.institution)}
          helperText={errors.institution}
          testId="stats-institution"
          width="100%"
        />
        <div className={css.filterButtons}>
          <Button type="submit" variant="contained" data-testid="stats-apply">
            {t("statistics.filters.apply")}
          </Button>
          <Button onClick={() => router.push(pathname)}>{t("statistics.filters.reset")}</Button>
        </div>
        {dirty && (
          <p className={css.dirtyNote} role="status" data-testid="stats-dirty">
            {t("statistics.filters.notApplied")}
          </p>
        )}
      </div>
    </form>
  );
}
