"use client";
import { useState } from "react";
import IconButton from "@mui/material/IconButton";
import InputAdornment from "@mui/material/InputAdornment";
import TextField from "@mui/material/TextField";
import VisibilityOutlined from "@mui/icons-material/VisibilityOutlined";
import VisibilityOffOutlined from "@mui/icons-material/VisibilityOffOutlined";
import { useT } from "@/components/i18n/i18n-provider";

/** A new-password input with a show/hide toggle, so an admin can read back what they typed. */
export function PasswordField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  autoComplete = "new-password",
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  autoComplete?: string;
}) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      name={name}
      type={visible ? "text" : "password"}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? hint}
      required
      autoComplete={autoComplete}
      fullWidth
      slotProps={{
        htmlInput: { maxLength: 128 },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                size="small"
                edge="end"
                aria-label={visible ? t("profile.hidePassword") : t("profile.showPassword")}
                onClick={() => setVisible((v) => !v)}
              >
                {visible ? <VisibilityOffOutlined fontSize="small" /> : <VisibilityOutlined fontSize="small" />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
