"use client";
import { useState } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Typography from "@mui/material/Typography";
import VisibilityOutlined from "@mui/icons-material/VisibilityOutlined";
import { useT } from "@/components/i18n/i18n-provider";
import { unmaskAction } from "../../actions";

/** Shows the complainant's clear data on request (owner bureau's handlers; audited server-side). */
export function UnmaskButton({ number }: { number: string }) {
  const t = useT();
  const [clear, setClear] = useState<{
    complainantName: string;
    complainantPhone: string | null;
    complainantIdNumber: string | null;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (clear) {
    return (
      <Alert severity="info" sx={{ mt: 1 }} data-testid="unmasked">
        <Typography variant="body2">{t("complaints.detail.unmasked")}</Typography>
        <Box component="dl" sx={{ m: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: 2 }}>
          <dt>{t("complaints.form.name")}</dt>
          <dd style={{ margin: 0 }}>{clear.complainantName}</dd>
          <dt>{t("complaints.detail.phone")}</dt>
          <dd style={{ margin: 0 }}>{clear.complainantPhone ?? "—"}</dd>
          <dt>{t("complaints.detail.idNumber")}</dt>
          <dd style={{ margin: 0 }}>{clear.complainantIdNumber ?? "—"}</dd>
        </Box>
      </Alert>
    );
  }
  return (
    <Box sx={{ mt: 1 }}>
      <Button
        size="small"
        startIcon={<VisibilityOutlined />}
        onClick={async () => {
          const res = await unmaskAction(number);
          if (res.ok) setClear(res.data);
          else setError(res.message);
        }}
        data-testid="unmask"
      >
        {t("complaints.detail.unmask")}
      </Button>
      <Typography variant="caption" color="text.secondary">
        {t("complaints.detail.unmaskHint")}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
    </Box>
  );
}
