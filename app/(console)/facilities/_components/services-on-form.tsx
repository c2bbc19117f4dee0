"use client";
// The "services on date" box's date input: the date lives in the URL (?on=YYYY-MM-DD).
import { useState, type FormEvent } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { useT } from "@/components/i18n/i18n-provider";
import { DateField } from "@/components/ui/date-field";
import { useUrlState } from "@/components/ui/use-url-state";

export function ServicesOnForm({ value, error }: { value: string; error?: string }) {
  const t = useT();
  const { update, pending } = useUrlState({ replace: true });
  const [on, setOn] = useState(value);
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    update({ on }, { resetPage: false });
  }
  return (
    <Box component="form" onSubmit={onSubmit} sx={{ display: "flex", gap: 1, alignItems: "flex-start" }}>
      <DateField
        name="on"
        label={t("rosterUi.detail.date")}
        value={on}
        onChange={setOn}
        error={Boolean(error)}
        helperText={error}
        testId="services-on-date"
      />
      <Button type="submit" variant="outlined" disabled={pending} data-testid="services-on-submit">
        {t("rosterUi.detail.query")}
      </Button>
    </Box>
  );
}
