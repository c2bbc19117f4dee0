"use client";
// The console's date-and-time input: MUI X's DateTimePicker under the same rules as DateField
// (date-field.tsx) — the app's language, not the browser's; `YYYY-MM-DD HH:mm` in both languages.
// The time is Beijing wall-clock time whatever the browser's zone (a handler in another zone
// types the time the bureau quotes), and the value in and out is an ISO instant
// (`2026-05-01T02:00:00.000Z`), so an action gets exactly what it stores.
import { useMemo, useState } from "react";
import dayjs, { type Dayjs } from "dayjs";
import { DateTimePicker } from "@mui/x-date-pickers/DateTimePicker";
import { LocalizationProvider } from "@mui/x-date-pickers/LocalizationProvider";
import { AdapterDayjs } from "@mui/x-date-pickers/AdapterDayjs";
import { useI18n } from "@/components/i18n/i18n-provider";
import { PICKER_LOCALE } from "./date-field";

export const DATE_TIME_FORMAT = "YYYY-MM-DD HH:mm";
const BEIJING_MS = 8 * 3600_000;

/** An ISO instant as a Beijing wall-clock value for the picker; anything else is none. */
export function toBeijingWallClock(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return dayjs(new Date(ms + BEIJING_MS).toISOString().slice(0, 16));
}

/** The picker's Beijing wall-clock value as an ISO instant. */
export function fromBeijingWallClock(d: Dayjs): string {
  return new Date(`${d.format("YYYY-MM-DDTHH:mm")}:00+08:00`).toISOString();
}

interface Props {
  name: string;
  label: string;
  /** Controlled ISO instant ("" for none). */
  value: string;
  /** Called with the ISO instant, or "" when cleared; never with a half-typed time. */
  onChange: (iso: string) => void;
  required?: boolean;
  disabled?: boolean;
  /** The action's message for this field (useActionForm's `error(name)`); replaces the hint. */
  error?: string;
  hint?: string;
  fullWidth?: boolean;
  testId?: string;
}

export function DateTimeField({
  name,
  label,
  value,
  onChange,
  required,
  disabled,
  error,
  hint,
  fullWidth = true,
  testId,
}: Props) {
  const { locale } = useI18n();
  const loc = PICKER_LOCALE[locale];
  const controlled = useMemo(() => toBeijingWallClock(value), [value]);
  // A half-typed value stays in the field while the form's value waits for a whole time.
  const [partial, setPartial] = useState<Dayjs | null>(null);

  function change(next: Dayjs | null) {
    if (next !== null && !next.isValid()) {
      setPartial(next);
      return;
    }
    setPartial(null);
    onChange(next ? fromBeijingWallClock(next) : "");
  }

  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={loc.adapter} localeText={loc.text}>
      <DateTimePicker
        name={name}
        label={label}
        value={partial ?? controlled}
        onChange={change}
        format={DATE_TIME_FORMAT}
        ampm={false}
        // Calendar and time columns side by side need ~440 px: a narrow window gets the dialog.
        desktopModeMediaQuery="@media (pointer: fine) and (min-width: 600px)"
        disabled={disabled}
        sx={fullWidth ? undefined : { width: 240 }}
        slotProps={{
          textField: {
            required,
            error: Boolean(error),
            helperText: error ?? hint,
            fullWidth,
            size: "small",
            ...(testId ? { "data-testid": testId } : {}),
          },
          field: { clearable: !required },
        }}
      />
    </LocalizationProvider>
  );
}
