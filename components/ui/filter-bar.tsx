"use client";
// A list's filters, declared: text fields apply on submit (Enter or the search button), selects
// and dates as soon as they change; every value lives in the URL (useUrlState), so the server
// renders the list from it. A `custom` filter is a slot for widgets the kit does not own (the
// region picker): it gets the value and a setter.
import { useState, type FormEvent, type ReactNode } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import SearchIcon from "@mui/icons-material/Search";
import { useT } from "@/components/i18n/i18n-provider";
import { useUrlState } from "./use-url-state";
import { DateField } from "./date-field";

interface Base {
  name: string;
  label: string;
  width?: number;
  testId?: string;
  /** A message under the field (e.g. why the URL's value was dropped). */
  error?: string;
}
export type FilterDef =
  | (Base & { kind: "text"; placeholder?: string; maxLength?: number; numeric?: boolean })
  | (Base & {
      kind: "select";
      options: { value: string; label: string }[];
      allLabel?: string;
      /** No "all" entry. */ required?: boolean;
    })
  | (Base & { kind: "date" })
  | (Base & { kind: "custom"; render: (value: string, set: (value: string, apply?: boolean) => void) => ReactNode });

export type FilterValues = Record<string, string | undefined>;

const SELECT_PROPS = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

function FilterField({ f, value, set }: { f: FilterDef; value: string; set: (v: string, apply?: boolean) => void }) {
  const t = useT();
  const common = {
    name: f.name,
    label: f.label,
    sx: { width: f.width ?? 170 },
    error: Boolean(f.error),
    helperText: f.error,
    "data-testid": f.testId,
  };
  switch (f.kind) {
    case "text":
      return (
        <TextField
          {...common}
          value={value}
          placeholder={f.placeholder}
          onChange={(e) => set(e.target.value)}
          slotProps={{
            htmlInput: {
              maxLength: f.maxLength ?? 60,
              inputMode: f.numeric ? "numeric" : undefined,
              spellCheck: false,
            },
          }}
        />
      );
    case "select": {
      // A value from the URL outside the known options still shows (and stays selected).
      const options =
        value && !f.options.some((o) => o.value === value) ? [...f.options, { value, label: value }] : f.options;
      return (
        <TextField
          {...common}
          select
          slotProps={SELECT_PROPS}
          value={value}
          onChange={(e) => set(e.target.value, true)}
        >
          {!f.required && <MenuItem value="">{f.allLabel ?? t("common.all")}</MenuItem>}
          {options.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      );
    }
    case "date":
      return (
        <DateField
          name={f.name}
          label={f.label}
          width={f.width}
          testId={f.testId}
          error={Boolean(f.error)}
          helperText={f.error}
          value={value}
          onChange={(v) => set(v, true)}
        />
      );
    case "custom":
      return <>{f.render(value, set)}</>;
  }
}

export function FilterBar({
  filters,
  values,
  keep = [],
  reset = true,
  submit = true,
  children,
  testId = "filter-bar",
  bare = false,
  pageKey,
}: {
  filters: FilterDef[];
  /** The values the page was rendered with (from the URL). */
  values: FilterValues;
  /** Keys kept when the filters are reset (e.g. a tab). */
  keep?: string[];
  /** Show the reset button. */
  reset?: boolean;
  /** Show the search button (not needed when every filter applies on change). */
  submit?: boolean;
  /** More controls at the end of the bar (e.g. a column chooser). */
  children?: ReactNode;
  testId?: string;
  /** No padding or rule: the bar sits in a page header or a card's own padding. */
  bare?: boolean;
  /** The list's page key when it is not "page" (a change of filter goes back to its first page). */
  pageKey?: string;
}) {
  const t = useT();
  const { update, clear, pending } = useUrlState();
  const [draft, setDraft] = useState<FilterValues>(values);
  const names = filters.map((f) => f.name);
  const all = (d: FilterValues) => Object.fromEntries(names.map((n) => [n, d[n]]));

  function set(name: string, value: string, apply = false) {
    const next = { ...draft, [name]: value };
    setDraft(next);
    if (apply) update(all(next), { pageKey });
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    update(all(draft), { pageKey });
  }

  return (
    <Box
      component="form"
      role="search"
      onSubmit={onSubmit}
      data-testid={testId}
      sx={{
        display: "flex",
        flexWrap: "wrap",
        gap: 1.5,
        alignItems: "flex-start",
        ...(bare ? {} : { p: 2, borderBottom: 1, borderColor: "divider" }),
      }}
    >
      {filters.map((f) => (
        <FilterField key={f.name} f={f} value={draft[f.name] ?? ""} set={(v, apply) => set(f.name, v, apply)} />
      ))}
      {submit && (
        <Button
          type="submit"
          variant="contained"
          startIcon={<SearchIcon />}
          disabled={pending}
          data-testid="filter-submit"
          sx={{ mt: 1 }}
        >
          {t("common.search")}
        </Button>
      )}
      {reset && (
        <Button
          type="button"
          sx={{ mt: 1 }}
          data-testid="filter-reset"
          onClick={() => {
            setDraft({});
            clear(keep);
          }}
        >
          {t("common.reset")}
        </Button>
      )}
      {children}
    </Box>
  );
}
