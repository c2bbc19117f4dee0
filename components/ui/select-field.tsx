"use client";
// A form's choice from a short list (MUI's select TextField): label, options in words, the
// action's error under it. The one copy of the markup every dialog repeated.
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";

export function SelectField({
  name,
  label,
  value,
  onChange,
  options,
  error,
  required,
  disabled,
  fullWidth = true,
  testId,
}: {
  name?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** The action's message for this field (useActionForm's `error(name)`). */
  error?: string;
  required?: boolean;
  disabled?: boolean;
  fullWidth?: boolean;
  testId?: string;
}) {
  // An option with the empty value ("无", "—") is shown when chosen, with the label held above it.
  const hasEmpty = options.some((o) => o.value === "");
  return (
    <TextField
      select
      name={name}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error}
      required={required}
      disabled={disabled}
      fullWidth={fullWidth}
      data-testid={testId}
      slotProps={hasEmpty ? { select: { displayEmpty: true }, inputLabel: { shrink: true } } : undefined}
    >
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
