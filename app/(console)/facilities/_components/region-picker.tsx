"use client";
// A region field: type a name fragment (廊坊) or a code prefix (1310) and pick from the
// suggestions of GET /api/v1/regions?q=. The value is the picked region (code + name).
import { useEffect, useState } from "react";
import Autocomplete from "@mui/material/Autocomplete";
import Box from "@mui/material/Box";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useT } from "@/components/i18n/i18n-provider";

export interface RegionOption {
  code: string;
  name: string;
  path?: string;
}

interface Hit {
  code: string;
  name: string;
  path: { name: string; level: string }[];
}

export function RegionPicker({
  value,
  onChange,
  label,
  placeholder,
  error,
  helperText,
  width = 240,
  testId = "region-picker",
  required,
}: {
  value: RegionOption | null;
  onChange: (v: RegionOption | null) => void;
  label: string;
  placeholder?: string;
  error?: boolean;
  helperText?: string;
  width?: number | string;
  testId?: string;
  required?: boolean;
}) {
  const t = useT();
  const [input, setInput] = useState(value ? display(value) : "");
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const q = input.trim();
    if (!q || (value && input === display(value))) return;
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const res = await fetch(`/api/v1/regions?q=${encodeURIComponent(q)}&limit=20`, { signal: ctrl.signal });
        if (res.ok) {
          const body = (await res.json()) as { items: Hit[] };
          setOptions(
            body.items.map((h) => ({ code: h.code, name: h.name, path: h.path.filter((p) => p.level !== "NATION").map((p) => p.name).join(" / ") })),
          );
        }
      } catch {
        // aborted by the next keystroke
      } finally {
        setLoading(false);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [input, value]);

  return (
    <Autocomplete
      value={value}
      onChange={(_, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_, v) => setInput(v)}
      options={value && !options.some((o) => o.code === value.code) ? [value, ...options] : options}
      filterOptions={(x) => x}
      getOptionLabel={display}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      loading={loading}
      noOptionsText={input.trim() ? t("rosterUi.filters.noRegion") : t("rosterUi.filters.regionPlaceholder")}
      loadingText={t("common.loading")}
      sx={{ width }}
      data-testid={testId}
      renderOption={(props, o) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <Box component="li" key={key} {...rest}>
            <Box>
              <Typography variant="body2">
                {o.name}
                <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1, fontFamily: "monospace" }}>
                  {o.code}
                </Typography>
              </Typography>
              {o.path && (
                <Typography variant="caption" color="text.secondary">
                  {o.path}
                </Typography>
              )}
            </Box>
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField {...params} label={label} placeholder={placeholder} error={error} helperText={helperText} required={required} />
      )}
    />
  );
}

function display(o: RegionOption): string {
  return `${o.name}（${o.code}）`;
}
