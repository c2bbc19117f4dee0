"use client";
// Several choices from a short list as checkboxes in a fieldset: the legend, the boxes (in a row,
// or a grid of `columns` from 600 px), the action's error under them. Each box posts `name`.
import Checkbox from "@mui/material/Checkbox";
import FormControl from "@mui/material/FormControl";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import FormHelperText from "@mui/material/FormHelperText";
import FormLabel from "@mui/material/FormLabel";

export function CheckboxGroup<V extends string>({
  name,
  label,
  options,
  value,
  onChange,
  error,
  required,
  disabled,
  columns,
}: {
  name?: string;
  label: string;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  /** The action's message for this field. */
  error?: string;
  required?: boolean;
  /** A box that may not be changed (e.g. one's own admin role). */
  disabled?: (value: V) => boolean;
  /** A grid of this many columns (two on a phone) instead of one wrapping row. */
  columns?: number;
}) {
  const grid = columns
    ? { display: "grid", gridTemplateColumns: { xs: "1fr 1fr", sm: `repeat(${columns}, 1fr)` } }
    : undefined;
  return (
    <FormControl error={Boolean(error)} required={required} component="fieldset" variant="standard">
      <FormLabel component="legend" sx={{ mb: 0.5 }}>
        {label}
      </FormLabel>
      <FormGroup row={!columns} sx={grid}>
        {options.map((o) => (
          <FormControlLabel
            key={o.value}
            label={o.label}
            control={
              <Checkbox
                size="small"
                name={name}
                value={o.value}
                checked={value.includes(o.value)}
                disabled={disabled?.(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
              />
            }
          />
        ))}
      </FormGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}
