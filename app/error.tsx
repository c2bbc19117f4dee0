"use client";
import { useEffect } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Typography from "@mui/material/Typography";
import { useT } from "@/components/i18n/i18n-provider";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  useEffect(() => {
    console.warn("page error", error.digest);
  }, [error]);
  return (
    <Box sx={{ minHeight: "60vh", display: "grid", placeItems: "center", textAlign: "center", p: 4 }}>
      <Box>
        <Typography variant="h2" component="h1" gutterBottom>
          {t("errors.pageError")}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {t("errors.pageErrorHint")}
        </Typography>
        {error.digest && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 3 }}>
            ref: {error.digest}
          </Typography>
        )}
        <Button variant="contained" onClick={reset} sx={{ mr: 1 }}>
          {t("errors.retry")}
        </Button>
        <Button href="/">{t("errors.home")}</Button>
      </Box>
    </Box>
  );
}
