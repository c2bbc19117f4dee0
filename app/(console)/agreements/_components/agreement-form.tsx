"use client";
// Create or edit an agreement. Parties, listed institutions and attachments are one-per-line
// text; the edit page loads every listed code, since saving replaces the whole list. Everything
// is validated by the service, whose field errors appear under the fields.
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import FormLabel from "@mui/material/FormLabel";
import Grid from "@mui/material/Grid";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { DateField } from "@/components/ui/date-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { AGREEMENT_TYPES, DIRECTIONS, FILING_TYPES } from "@/lib/agreements/codes";
import { CHRONIC_DISEASES, INSTITUTION_LEVELS, INSTITUTION_TYPES, SERVICES } from "@/lib/facilities/codes";
import { createAgreementAction, updateAgreementAction } from "../actions";

export interface AgreementDraft {
  id?: string;
  version?: number;
  locked?: boolean;
  number: string;
  title: string;
  titleEn: string;
  type: string;
  direction: string;
  parties: string;
  services: string[];
  diseases: string[];
  filingFree: boolean;
  effectiveFrom: string;
  effectiveTo: string;
  signedOn: string;
  documentRef: string;
  notes: string;
  institutionCodes: string;
  useRule: boolean;
  minLevel: string;
  ruleTypes: string[];
  ruleRegions: string;
  ratio: Record<string, string>;
  attachments: string;
}

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
// Codes contain no separators, so a pasted comma- or space-separated list is read as well.
const codeList = (s: string) => s.split(/[\s,，;；、]+/).filter(Boolean);
const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

export function AgreementForm({ initial }: { initial: AgreementDraft }) {
  const t = useT();
  const router = useRouter();
  const [d, setD] = useState(initial);
  const form = useActionForm();
  const set = (patch: Partial<AgreementDraft>) => setD({ ...d, ...patch });
  const err = form.error;
  const locked = Boolean(d.locked);

  function payload() {
    const attachments = lines(d.attachments).map((l) => {
      const [name, ref] = l.split("|").map((x) => x.trim());
      return { name: name!, ...(ref && { ref }) };
    });
    if (locked) return { notes: d.notes, documentRef: d.documentRef, titleEn: d.titleEn, attachments };
    const ratioRules = Object.fromEntries(Object.entries(d.ratio).filter(([, v]) => v.trim() !== "").map(([k, v]) => [k, Number(v)]));
    return {
      number: d.number,
      title: d.title,
      titleEn: d.titleEn,
      type: d.type,
      direction: d.direction,
      parties: lines(d.parties).map((l) => {
        const [regionCode, role] = l.split(/[,，\s]+/);
        return { regionCode: regionCode ?? "", role: (role ?? "BOTH").toUpperCase() };
      }),
      services: d.services,
      diseases: d.diseases,
      filingFree: d.filingFree,
      effectiveFrom: d.effectiveFrom,
      effectiveTo: d.effectiveTo || null,
      signedOn: d.signedOn || null,
      documentRef: d.documentRef,
      notes: d.notes,
      institutionCodes: codeList(d.institutionCodes),
      scopeRule: d.useRule
        ? {
            ...(d.minLevel && { minLevel: d.minLevel }),
            types: d.ruleTypes,
            regionCodes: d.ruleRegions.split(/[,，\s]+/).map((x) => x.trim()).filter(Boolean),
          }
        : null,
      ratioRules,
      attachments,
    };
  }

  const onSubmit = form.onSubmit<unknown>(
    () => (d.id ? updateAgreementAction(d.id, { ...payload(), version: d.version }) : createAgreementAction(payload())),
    (data) => {
      router.push(`/agreements/${d.id ?? (data as { id: string }).id}`);
      router.refresh();
    },
  );

  const field = (name: keyof AgreementDraft, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={label}
      value={d[name] as string}
      onChange={(e) => set({ [name]: e.target.value } as Partial<AgreementDraft>)}
      error={Boolean(err(name))}
      helperText={err(name)}
      fullWidth
      disabled={locked && !["notes", "documentRef", "titleEn", "attachments"].includes(name)}
      slotProps={{ htmlInput: { "data-testid": `field-${name}` } }}
      {...extra}
    />
  );
  const date = (name: "effectiveFrom" | "effectiveTo" | "signedOn", label: string) => (
    <DateField name={name} label={label} value={d[name]} onChange={(v) => set({ [name]: v })} error={Boolean(err(name))} helperText={err(name)} disabled={locked} fullWidth testId={`field-${name}`} />
  );

  return (
    <Paper component="form" onSubmit={onSubmit} noValidate sx={{ p: 3 }}>
      <Stack spacing={2.5}>
        {locked && <Alert severity="info">{t("agreements.form.lockedHint")}</Alert>}
        {form.message && (
          <Alert severity="error" data-testid="form-error">
            {form.message}
          </Alert>
        )}
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 4 }}>{field("number", t("agreements.form.number"))}</Grid>
          <Grid size={{ xs: 12, md: 8 }}>{field("title", t("agreements.form.titleField"))}</Grid>
          <Grid size={{ xs: 12 }}>{field("titleEn", t("agreements.form.titleEn"))}</Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            {field("type", t("agreements.form.type"), {
              select: true,
              children: AGREEMENT_TYPES.map((x) => (
                <MenuItem key={x} value={x}>
                  {t(`agreements.types.${x}`)}
                </MenuItem>
              )),
            })}
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            {field("direction", t("agreements.form.direction"), {
              select: true,
              children: DIRECTIONS.map((x) => (
                <MenuItem key={x} value={x}>
                  {t(`agreements.directions.${x}`)}
                </MenuItem>
              )),
            })}
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <FormControlLabel disabled={locked} control={<Checkbox checked={d.filingFree} onChange={(e) => set({ filingFree: e.target.checked })} />} label={t("agreements.form.filingFree")} />
          </Grid>
          <Grid size={{ xs: 12 }}>{field("parties", t("agreements.form.parties"), { multiline: true, minRows: 3 })}</Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <FormLabel error={Boolean(err("services"))}>{t("agreements.form.services")}</FormLabel>
            <FormGroup row>
              {SERVICES.map((s) => (
                <FormControlLabel key={s} disabled={locked} control={<Checkbox checked={d.services.includes(s)} onChange={() => set({ services: toggle(d.services, s) })} />} label={t(`agreements.services.${s}`)} />
              ))}
            </FormGroup>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <FormLabel error={Boolean(err("diseases"))}>{t("agreements.form.diseases")}</FormLabel>
            <FormGroup row>
              {CHRONIC_DISEASES.map((s) => (
                <FormControlLabel key={s} disabled={locked} control={<Checkbox size="small" checked={d.diseases.includes(s)} onChange={() => set({ diseases: toggle(d.diseases, s) })} />} label={t(`agreements.diseases.${s}`)} />
              ))}
            </FormGroup>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>{date("effectiveFrom", t("agreements.form.effectiveFrom"))}</Grid>
          <Grid size={{ xs: 12, md: 4 }}>{date("effectiveTo", t("agreements.form.effectiveTo"))}</Grid>
          <Grid size={{ xs: 12, md: 4 }}>{date("signedOn", t("agreements.form.signedOn"))}</Grid>
          <Grid size={{ xs: 12, md: 6 }}>{field("documentRef", t("agreements.form.documentRef"))}</Grid>
          <Grid size={{ xs: 12, md: 6 }}>{field("attachments", t("agreements.form.attachments"), { multiline: true, minRows: 1 })}</Grid>
          <Grid size={{ xs: 12 }}>
            {field("institutionCodes", t("agreements.form.institutionCodes"), {
              multiline: true,
              minRows: 2,
              // Hundreds of codes scroll inside the box instead of stretching the page.
              maxRows: 12,
              helperText: err("institutionCodes") ?? t("agreements.form.institutionCodesCount", { count: new Set(codeList(d.institutionCodes)).size }),
            })}
          </Grid>
          <Grid size={{ xs: 12 }}>
            <FormControlLabel disabled={locked} control={<Checkbox checked={d.useRule} onChange={(e) => set({ useRule: e.target.checked })} />} label={t("agreements.form.useRule")} />
            {err("scopeRule") && <Alert severity="error">{err("scopeRule")}</Alert>}
          </Grid>
          {d.useRule && (
            <>
              <Grid size={{ xs: 12, md: 3 }}>
                {field("minLevel", t("agreements.form.minLevel"), {
                  select: true,
                  children: [
                    <MenuItem key="" value="">
                      —
                    </MenuItem>,
                    ...INSTITUTION_LEVELS.filter((l) => l !== "UNRATED").map((l) => (
                      <MenuItem key={l} value={l}>
                        {t(`agreements.levels.${l}`)}
                      </MenuItem>
                    )),
                  ],
                })}
              </Grid>
              <Grid size={{ xs: 12, md: 5 }}>
                <FormLabel>{t("agreements.form.ruleTypes")}</FormLabel>
                <FormGroup row>
                  {INSTITUTION_TYPES.map((s) => (
                    <FormControlLabel key={s} disabled={locked} control={<Checkbox size="small" checked={d.ruleTypes.includes(s)} onChange={() => set({ ruleTypes: toggle(d.ruleTypes, s) })} />} label={t(`agreements.institutionTypes.${s}`)} />
                  ))}
                </FormGroup>
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>{field("ruleRegions", t("agreements.form.ruleRegions"))}</Grid>
            </>
          )}
          <Grid size={{ xs: 12 }}>
            <FormLabel>{t("agreements.form.ratio")}</FormLabel>
            <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: "wrap", mt: 1 }}>
              {FILING_TYPES.map((f) => (
                <TextField
                  key={f}
                  label={t(`agreements.filingTypes.${f}`)}
                  value={d.ratio[f] ?? ""}
                  disabled={locked}
                  onChange={(e) => set({ ratio: { ...d.ratio, [f]: e.target.value } })}
                  error={Boolean(err(`ratioRules.${f}`))}
                  helperText={err(`ratioRules.${f}`)}
                  sx={{ width: 150 }}
                  slotProps={{ htmlInput: { inputMode: "numeric", "data-testid": `ratio-${f}` } }}
                />
              ))}
            </Stack>
          </Grid>
          <Grid size={{ xs: 12 }}>{field("notes", t("agreements.form.notes"), { multiline: true, minRows: 2 })}</Grid>
        </Grid>
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" disabled={form.pending} data-testid="save-agreement">
            {t("common.save")}
          </Button>
          <Button onClick={() => router.back()}>{t("common.cancel")}</Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
