"use client";
import { useEffect } from "react";
import Button from "@mui/material/Button";
import { StatusPage } from "@/components/ui/status-page";
import { useT } from "@/components/i18n/i18n-provider";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  useEffect(() => {
    console.warn("page error", error.digest);
  }, [error]);
  return (
    <StatusPage
      title={t("errors.pageError")}
      hint={t("errors.pageErrorHint")}
      note={error.digest && `ref: ${error.digest}`}
      actions={
        <>
          <Button variant="contained" onClick={reset} sx={{ mr: 1 }}>
            {t("errors.retry")}
          </Button>
          <Button href="/">{t("errors.home")}</Button>
        </>
      }
    />
  );
}
