"use client";
// The one date input of the console: MUI X's DatePicker in the app's language (calendar, weekday
// names, buttons, screen-reader texts), not the browser's — a native `type=date` showed mm/dd/yyyy
// in the zh UI. The value is ISO `YYYY-MM-DD` in and out, and the field shows it the same way in
// both languages (the date form the console prints everywhere, lib: app/_components/date-time.ts),
// so the picker's own hidden input carries the ISO value under `name` and a plain <form> posts it.
import { useMemo, useState } from "react";
import dayjs, { type Dayjs } from "dayjs";
import "dayjs/locale/zh-cn";
import "dayjs/locale/en";
import { DatePicker } from "@mui/x-date-pickers/DatePicker";
import { LocalizationProvider } from "@mui/x-date-pickers/LocalizationProvider";
import { AdapterDayjs } from "@mui/x-date-pickers/AdapterDayjs";
import { zhCN, enUS } from "@mui/x-date-pickers/locales";
import { useI18n } from "@/components/i18n/i18n-provider";

export const DATE_FORMAT = "YYYY-MM-DD";

export const PICKER_LOCALE = {
  "zh-CN": { adapter: "zh-cn", text: zhCN.components.MuiLocalizationProvider.defaultProps.localeText },
  en: { adapter: "en", text: enUS.components.MuiLocalizationProvider.defaultProps.localeText },
} as const;

/** An ISO day as the picker's value; anything else (blank, malformed) is no date. */
export function toDay(iso: string | null | undefined): Dayjs | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = dayjs(iso);
  return d.isValid() ? d : null;
}

interface Props {
  name: string;
  label: string;
  /** Controlled ISO value ("" for none); leave out to let the field keep its own (with defaultValue). */
  value?: string;
  defaultValue?: string;
  /** Called with the ISO day, or "" when cleared; never with a half-typed date. */
  onChange?: (iso: string) => void;
  required?: boolean;
  disabled?: boolean;
  error?: boolean;
  helperText?: string;
  width?: number | string;
  fullWidth?: boolean;
  /** The theme's TextField size ("small") unless told: the picker's field does not read MuiTextField's defaults. */
  size?: "small" | "medium";
  testId?: string;
  min?: string;
  max?: string;
}

export function DateField({
  name,
  label,
  value,
  defaultValue,
  onChange,
  required,
  disabled,
  error,
  helperText,
  width,
  fullWidth,
  size = "small",
  testId,
  min,
  max,
}: Props) {
  const { locale } = useI18n();
  const loc = PICKER_LOCALE[locale];
  const [own, setOwn] = useState(() => toDay(defaultValue));
  const controlled = useMemo(() => toDay(value), [value]);
  const current = value === undefined ? own : controlled;

  function change(next: Dayjs | null) {
    if (next !== null && !next.isValid()) {
      // Half typed: the field shows what was typed; the form's value waits for a whole day.
      if (value === undefined) setOwn(next);
      return;
    }
    if (value === undefined) setOwn(next);
    onChange?.(next ? next.format(DATE_FORMAT) : "");
  }

  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={loc.adapter} localeText={loc.text}>
      <DatePicker
        name={name}
        label={label}
        value={current}
        onChange={change}
        format={DATE_FORMAT}
        disabled={disabled}
        minDate={toDay(min) ?? undefined}
        maxDate={toDay(max) ?? undefined}
        sx={fullWidth ? undefined : { width: width ?? 200 }}
        slotProps={{
          // The root carries the test id so a test (tests/e2e/support.ts fillDate) finds the field.
          textField: { required, error, helperText, fullWidth, size, ...(testId ? { "data-testid": testId } : {}) },
          field: { clearable: !required },
        }}
      />
    </LocalizationProvider>
  );
}
