"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import Button from "@mui/material/Button";
import TranslateIcon from "@mui/icons-material/Translate";
import { useI18n } from "@/components/i18n/i18n-provider";
import { setLocaleAction } from "@/components/i18n/actions";

export function LanguageSwitch({ color = "primary" }: { color?: "primary" | "inherit" }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      color={color}
      startIcon={<TranslateIcon />}
      disabled={pending}
      data-testid="language-switch"
      lang={locale === "en" ? "zh-CN" : "en"}
      onClick={() =>
        start(async () => {
          await setLocaleAction(locale === "en" ? "zh-CN" : "en");
          router.refresh();
        })
      }
    >
      {t("common.switchLanguage")}
    </Button>
  );
}
