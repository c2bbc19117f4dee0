"use client";
// The institution field of the dashboard and the complaint form: type a name, short name or code
// (友谊, H1101…) and pick from the roster's search (GET /api/v1/institutions?q=, the server's
// own search and scope); the field shows the name with the code in small type. The value is the
// code the URLs and APIs take; with `name` a hidden input carries it for plain forms.
import { useEffect, useMemo, useState } from "react";
import Autocomplete from "@mui/material/Autocomplete";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";

export interface InstitutionOption {
  code: string;
  name: string;
  region?: string;
}

interface Item {
  code: string;
  name: string;
  region: { name: string };
}

const cache = new Map<string, InstitutionOption[]>();

async function search(q: string): Promise<InstitutionOption[]> {
  const key = q.trim();
  const hit = cache.get(key);
  if (hit) return hit;
  const res = await fetch(`/api/v1/institutions?q=${encodeURIComponent(key)}&pageSize=10`);
  if (!res.ok) return [];
  const items = ((await res.json()) as { items: Item[] }).items.map((i) => ({
    code: i.code,
    name: i.name,
    region: i.region.name,
  }));
  cache.set(key, items);
  return items;
}

/** The options for what is typed, fetched after a short pause. */
function useOptions(query: string): { options: InstitutionOption[]; loading: boolean } {
  const [state, setState] = useState<{ q: string; options: InstitutionOption[] }>({ q: "", options: [] });
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => void search(q).then((options) => live && setState({ q, options })), 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  const q = query.trim();
  return { options: q && state.q === q ? state.options : [], loading: Boolean(q) && state.q !== q };
}

/** The name of a code given by the URL (the first render knows only the code). */
function useNamed(code: string, known: InstitutionOption | null): InstitutionOption | null {
  const [named, setNamed] = useState<InstitutionOption | null>(null);
  useEffect(() => {
    if (!code || known?.code === code) return;
    let live = true;
    void search(code).then((items) => live && setNamed(items.find((i) => i.code === code) ?? { code, name: code }));
    return () => {
      live = false;
    };
  }, [code, known]);
  // One object per state, so the field does not take each render for a new value.
  return useMemo(() => {
    if (!code) return null;
    if (known?.code === code) return known;
    return named?.code === code ? named : { code, name: code };
  }, [code, known, named]);
}

export function InstitutionPicker({
  value,
  onChange,
  label,
  name,
  error,
  helperText,
  width = 260,
  testId = "institution-picker",
}: {
  /** The institution code ("" for none). */
  value: string;
  onChange: (code: string, option: InstitutionOption | null) => void;
  label: string;
  name?: string;
  error?: boolean;
  helperText?: string;
  width?: number | string;
  testId?: string;
}) {
  const t = useT();
  const [picked, setPicked] = useState<InstitutionOption | null>(null);
  const current = useNamed(value, picked);
  const [input, setInput] = useState("");
  const { options, loading } = useOptions(input);
  // The name is in the field; its code in small type under it.
  const codeNote = current && current.name !== current.code ? current.code : undefined;
  return (
    <>
      <Autocomplete<InstitutionOption, false, false, false>
        value={current}
        onChange={(_, o) => {
          setPicked(o);
          onChange(o?.code ?? "", o);
        }}
        // The text shown follows the value (its name, once known); only typing searches.
        onInputChange={(_, v, reason) => setInput(reason === "input" ? v : "")}
        options={current && !options.some((o) => o.code === current.code) ? [current, ...options] : options}
        filterOptions={(x) => x}
        loading={loading}
        isOptionEqualToValue={(a, b) => a.code === b.code}
        getOptionLabel={(o) => o.name}
        noOptionsText={input.trim() ? t("ui.institution.none") : t("ui.institution.hint")}
        loadingText={t("ui.institution.loading")}
        sx={{ width }}
        data-testid={testId}
        renderOption={({ key, ...props }, o) => (
          <li key={key} {...props} data-code={o.code}>
            <span>
              {o.name}
              <span className="yb-caption"> {o.code}</span>
              {o.region && <span className="yb-caption"> · {o.region}</span>}
            </span>
          </li>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            label={label}
            placeholder={current ? undefined : t("ui.institution.placeholder")}
            error={error}
            helperText={helperText ?? codeNote}
          />
        )}
      />
      {name && <input type="hidden" name={name} value={value} />}
    </>
  );
}
