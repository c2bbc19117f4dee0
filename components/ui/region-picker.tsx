"use client";
// The region field of every screen: type a Chinese name (河北), its pinyin (hebei), initials
// (hbs) or a code/prefix (13, 1310), or open it and drill province → city → county. Values are
// the codes the URLs and APIs take (6 digits or a 2/4-digit prefix); chips and the input show
// names, the code in small type. With `name` it also renders a hidden input, so plain GET
// forms submit the codes (comma-separated when `multiple`). With `groups` it offers the region
// groups the user may use (京津冀, 长三角 …; decision 020) above the regions, found by name,
// pinyin or initials too; a group's value is group:<slug> and its chip shows the group's name.
import { useRef, useState } from "react";
import Autocomplete, { type AutocompleteRenderValueGetItemProps } from "@mui/material/Autocomplete";
import Chip from "@mui/material/Chip";
import IconButton from "@mui/material/IconButton";
import TextField from "@mui/material/TextField";
import ChevronLeft from "@mui/icons-material/ChevronLeft";
import ChevronRight from "@mui/icons-material/ChevronRight";
import { useI18n } from "@/components/i18n/i18n-provider";
import css from "./region-picker.module.css";
import {
  codesOf,
  isGroupCode,
  regionCodeOf,
  rememberNames,
  useGroupOptions,
  useNamed,
  useRegionOptions,
  type RegionOption,
} from "./region-data";

export { codesOf, optionsOf, type RegionOption } from "./region-data";

interface Common {
  label: string;
  /** Hidden input name: the form submits the codes. */
  name?: string;
  placeholder?: string;
  error?: boolean;
  helperText?: string;
  required?: boolean;
  width?: number | string;
  testId?: string;
  /** Search and browse only below this 6-digit code (default: the whole country). */
  within?: string;
  /** Offer region groups beside the regions (only where the parameter takes group:<slug>). */
  groups?: boolean;
  disabled?: boolean;
}
type Props = Common &
  (
    | { multiple: true; value: RegionOption[]; onChange: (v: RegionOption[]) => void }
    | { multiple?: false; value: RegionOption | null; onChange: (v: RegionOption | null) => void }
  );

const NATION = "000000";
const UP = "__up__";

export function RegionPicker(props: Props) {
  const {
    label,
    name,
    placeholder,
    error,
    helperText,
    required,
    width = 260,
    testId = "region-picker",
    within = NATION,
  } = props;
  const { t, locale } = useI18n();
  const list = props.multiple ? props.value : props.value ? [props.value] : [];
  const named = useNamed(list);
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState("");
  const [query, setQuery] = useState("");
  const [trail, setTrail] = useState<RegionOption[]>([]);
  const drilling = useRef(false);
  const parent = trail.at(-1)?.code ?? within;
  const { options, loading } = useRegionOptions(query, parent, open);
  const groups = useGroupOptions(query, open, Boolean(props.groups) && !trail.length);
  const shown =
    !query.trim() && trail.length ? [{ code: UP, name: trail.at(-1)!.name }, ...options] : [...groups, ...options];
  const labelOf = (o: RegionOption) => (locale === "en" && o.nameEn ? o.nameEn : (o.name ?? o.code));

  function drill(o: RegionOption) {
    drilling.current = true;
    setTrail(o.code === UP ? trail.slice(0, -1) : [...trail, o]);
    setInput("");
    setQuery("");
  }
  function change(v: RegionOption | RegionOption[] | null) {
    const picked = Array.isArray(v) ? v : v ? [v] : [];
    if (picked.some((o) => o.code === UP)) return drill({ code: UP });
    rememberNames(picked);
    if (props.multiple) props.onChange(picked);
    else props.onChange(picked[0] ?? null);
  }

  return (
    <>
      <Autocomplete<RegionOption, boolean, false, false>
        multiple={props.multiple}
        disabled={props.disabled}
        value={props.multiple ? named : (named[0] ?? null)}
        onChange={(_, v) => change(v)}
        open={open}
        onOpen={() => setOpen(true)}
        onClose={() => {
          if (drilling.current) drilling.current = false;
          else setOpen(false);
        }}
        inputValue={input}
        onInputChange={(_, v, reason) => {
          setInput(v);
          setQuery(reason === "input" ? v : "");
        }}
        options={shown}
        filterOptions={(x) => x}
        filterSelectedOptions={props.multiple}
        autoHighlight
        disableCloseOnSelect={props.multiple}
        getOptionLabel={labelOf}
        isOptionEqualToValue={(a, b) => a.code === b.code}
        loading={loading}
        loadingText={t("regions.picker.loading")}
        noOptionsText={t("regions.picker.noMatch")}
        // minWidth 0: in a grid track the chips shrink (ellipsis) instead of pushing the row wider.
        sx={{ width, minWidth: 0 }}
        slotProps={{ popper: { placement: "bottom-start", sx: { minWidth: 300 } } }}
        data-testid={testId}
        // Only with several values: a renderValue makes MUI leave a single value's input empty.
        renderValue={
          props.multiple
            ? (value, getItemProps) =>
                (value as RegionOption[]).map((o, index) => {
                  const { key, ...item } = getItemProps({ index }) as ReturnType<
                    AutocompleteRenderValueGetItemProps<true>
                  >;
                  return (
                    <Chip
                      key={key}
                      size="small"
                      {...item}
                      label={<ChipLabel o={o} label={labelOf(o)} />}
                      title={isGroupCode(o.code) ? o.code : t("regions.picker.codeTitle", { code: o.code })}
                      data-code={o.code}
                    />
                  );
                })
            : undefined
        }
        renderOption={(liProps, o) => {
          const { key, ...rest } = liProps as typeof liProps & { key: string };
          if (o.code === UP)
            return (
              <li key={key} {...rest} className={`${rest.className ?? ""} ${css.up}`} data-testid="region-up">
                <ChevronLeft fontSize="small" /> {t("regions.picker.up")} · {o.name}
              </li>
            );
          if (isGroupCode(o.code))
            return (
              <li key={key} {...rest} data-code={o.code} data-testid="region-group-option">
                <span className={css.option}>
                  <span>{labelOf(o)}</span>
                  <span className={css.path}>{t("regionGroups.pickerGroup", { count: o.members ?? 0 })}</span>
                </span>
              </li>
            );
          return (
            <li key={key} {...rest} data-code={o.code}>
              <span className={css.option}>
                <span>
                  {o.name}
                  <code className={css.code}>{o.code}</code>
                </span>
                {o.path && <span className={css.path}>{o.path}</span>}
              </span>
              {Boolean(o.childCount) && (
                <IconButton
                  size="small"
                  edge="end"
                  aria-label={t("regions.picker.drill", { name: o.name ?? o.code })}
                  title={t("regions.picker.browse")}
                  data-testid="region-drill"
                  onClick={(e) => {
                    e.stopPropagation();
                    drill(o);
                  }}
                >
                  <ChevronRight fontSize="small" />
                </IconButton>
              )}
            </li>
          );
        }}
        renderInput={(params) => (
          <TextField
            {...params}
            label={label}
            placeholder={list.length && props.multiple ? undefined : (placeholder ?? t("regions.picker.placeholder"))}
            error={error}
            helperText={helperText}
            required={required}
            title={!props.multiple && named[0] ? t("regions.picker.codeTitle", { code: named[0].code }) : undefined}
          />
        )}
      />
      {name && <input type="hidden" name={name} value={codesOf(list)} />}
    </>
  );
}

function ChipLabel({ o, label }: { o: RegionOption; label: string }) {
  return (
    <>
      {label}
      {o.name && !isGroupCode(o.code) && (
        <code className={css.code}>{o.code.length < 6 ? regionCodeOf(o.code) : o.code}</code>
      )}
    </>
  );
}
