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

type Errors = Partial<Record<keyof FilterValues, string>>;

export function FilterBar({ initial, errors }: { initial: FilterValues; errors: Errors }) {
  const t = useT();
  const { v, setV, set, dirty, submit, reset } = useFilterForm(initial);
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
        <MonthField
          name="from"
          label={t("statistics.filters.from")}
          value={v.from}
          onChange={set("from")}
          error={errors.from}
        />
        <MonthField name="to" label={t("statistics.filters.to")} value={v.to} onChange={set("to")} error={errors.to} />
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
        <ServiceTypeField value={v.serviceType} onChange={set("serviceType")} />
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
          <Button onClick={reset}>{t("statistics.filters.reset")}</Button>
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

/** The controls' values; applying them writes them into the URL (empty ones removed), reset clears it. */
function useFilterForm(initial: FilterValues) {
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

  return { v, setV, set, dirty, submit, reset: () => router.push(pathname) };
}

type OnChange = (e: { target: { value: string } }) => void;

function MonthField({
  name,
  label,
  value,
  onChange,
  error,
}: {
  name: string;
  label: string;
  value: string;
  onChange: OnChange;
  error: string | undefined;
}) {
  return (
    <TextField
      label={label}
      name={name}
      type="month"
      value={value}
      onChange={onChange}
      error={Boolean(error)}
      helperText={error}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}

function ServiceTypeField({ value, onChange }: { value: string; onChange: OnChange }) {
  const t = useT();
  return (
    <TextField
      select
      label={t("statistics.filters.serviceType")}
      name="serviceType"
      value={SERVICE_TYPES.includes(value as never) ? value : ""}
      onChange={onChange}
    >
      <MenuItem value="">{t("statistics.filters.any")}</MenuItem>
      {SERVICE_TYPES.map((s) => (
        <MenuItem key={s} value={s}>
          {t(`statistics.serviceTypes.${s}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
