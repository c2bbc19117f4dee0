"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useT } from "@/components/i18n/i18n-provider";
import { useActionForm } from "@/components/ui/use-action-form";
import { InstitutionPicker } from "@/components/facilities/institution-picker";
import { RegionPicker } from "@/components/ui/region-picker";
import { CATEGORIES, CHANNELS, PRIORITIES, SERVICE_TYPES } from "@/lib/complaints/codes";
import { createComplaintAction } from "../../actions";

const EMPTY = {
  channel: "HOTLINE",
  complainantName: "",
  complainantPhone: "",
  complainantIdNumber: "",
  homeRegionCode: "",
  visitRegionCode: "",
  institutionCode: "",
  institutionName: "",
  settlementId: "",
  settlementAt: "",
  serviceType: "",
  category: "SETTLEMENT_FAILED",
  priority: "NORMAL",
  description: "",
};
type Draft = typeof EMPTY;

/** Registers a ticket; the visit region defaults to the handler's own region. */
export function ComplaintForm({ defaultVisitRegion }: { defaultVisitRegion: string }) {
  const t = useT();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, visitRegionCode: defaultVisitRegion });
  const form = useActionForm();
  const err = form.error;
  const text = (name: keyof Draft, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      name={name}
      label={label}
      value={draft[name]}
      onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      error={Boolean(err(name))}
      helperText={err(name) ?? (extra.hint as string | undefined)}
      {...extra}
    />
  );
  const select = (name: keyof Draft, label: string, options: readonly string[], ns: string, withEmpty = false) => (
    <TextField select name={name} label={label} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} error={Boolean(err(name))} helperText={err(name)} data-testid={`field-${name}`}>
      {withEmpty && <MenuItem value="">—</MenuItem>}
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {t(`${ns}.${o}`)}
        </MenuItem>
      ))}
    </TextField>
  );

  const onSubmit = form.onSubmit(
    () => createComplaintAction({ ...draft, settlementAt: draft.settlementAt ? new Date(`${draft.settlementAt}:00+08:00`).toISOString() : "" }),
    (data) => router.push(`/complaints/${data.number}`),
  );

  const grid = { display: "grid", gridTemplateColumns: { xs: "1fr", md: "repeat(3, 1fr)" }, gap: 2 };
  return (
    <Box component="form" onSubmit={onSubmit} noValidate data-testid="complaint-form">
      {form.message && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {form.message}
        </Alert>
      )}
      <Paper sx={{ p: 2, mb: 2 }}>
        <Typography variant="h4" sx={{ mb: 2 }}>
          {t("complaints.form.complainant")}
        </Typography>
        <Box sx={grid}>
          {text("complainantName", t("complaints.form.name"), { required: true })}
          {text("complainantPhone", t("complaints.form.phone"))}
          {text("complainantIdNumber", t("complaints.form.idNumber"), { autoComplete: "off" })}
        </Box>
        <Typography variant="caption" color="text.secondary">
          {t("complaints.form.personalHint")}
        </Typography>
      </Paper>
      <Paper sx={{ p: 2, mb: 2 }}>
        <Typography variant="h4" sx={{ mb: 2 }}>
          {t("complaints.form.regions")}
        </Typography>
        <Box sx={grid}>
          {(["homeRegionCode", "visitRegionCode"] as const).map((k) => (
            <RegionPicker
              key={k}
              name={k}
              testId={`field-${k}`}
              label={t(k === "homeRegionCode" ? "complaints.form.homeRegion" : "complaints.form.visitRegion")}
              value={draft[k] ? { code: draft[k] } : null}
              onChange={(o) => setDraft({ ...draft, [k]: o?.code ?? "" })}
              error={Boolean(err(k))}
              helperText={err(k)}
              width="100%"
              required
            />
          ))}
          {select("channel", t("complaints.detail.channel"), CHANNELS, "complaints.channel")}
        </Box>
      </Paper>
      <Paper sx={{ p: 2, mb: 2 }}>
        <Typography variant="h4" sx={{ mb: 2 }}>
          {t("complaints.form.case")}
        </Typography>
        <Box sx={{ ...grid, mb: 2 }}>
          {select("category", t("complaints.list.category"), CATEGORIES, "complaints.category")}
          {select("priority", t("complaints.list.priority"), PRIORITIES, "complaints.priority")}
          {select("serviceType", t("complaints.detail.service"), SERVICE_TYPES, "complaints.service", true)}
          <InstitutionPicker
            label={t("complaints.form.institution")}
            value={draft.institutionCode}
            onChange={(institutionCode, o) => setDraft({ ...draft, institutionCode, institutionName: o?.name ?? "" })}
            error={Boolean(err("institutionCode"))}
            helperText={err("institutionCode")}
            testId="field-institution"
            width="100%"
          />
          {/* An institution outside the roster is named in words; a listed one takes its name from the roster. */}
          {!draft.institutionCode && text("institutionName", t("complaints.form.institutionName"))}
          {text("settlementId", t("complaints.form.settlementId"))}
          {text("settlementAt", t("complaints.form.settlementAt"), { type: "datetime-local", slotProps: { inputLabel: { shrink: true } } })}
        </Box>
        {text("description", t("complaints.detail.description"), { required: true, multiline: true, minRows: 4, fullWidth: true })}
      </Paper>
      <Button type="submit" variant="contained" disabled={form.pending} data-testid="complaint-submit">
        {form.pending ? t("complaints.form.submitting") : t("complaints.form.submit")}
      </Button>
    </Box>
  );
}
