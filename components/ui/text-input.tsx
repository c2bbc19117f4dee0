"use client";
// A text field of a form around an action: the action's message for it (useActionForm's
// `error(name)`) replaces the hint under it and marks it invalid. The rest are TextField's props.
import TextField, { type TextFieldProps } from "@mui/material/TextField";

export function TextInput({
  error,
  hint,
  onValue,
  ...rest
}: Omit<TextFieldProps, "error" | "onChange"> & { error?: string; hint?: string; onValue: (value: string) => void }) {
  return (
    <TextField {...rest} onChange={(e) => onValue(e.target.value)} error={Boolean(error)} helperText={error ?? hint} />
  );
}
