import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { Providers } from "@/components/layout/providers";
import "@/components/ui/kit.css";
import { getLocale, getT } from "@/components/i18n/server";
import { NONCE_HEADER } from "@/lib/http/csp";
import { messagesFor } from "@/lib/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { default: t("common.appName"), template: `%s · ${t("common.appShort")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, nonce] = await Promise.all([getLocale(), headers().then((h) => h.get(NONCE_HEADER) ?? undefined)]);
  return (
    <html lang={locale}>
      <body>
        <Providers locale={locale} messages={messagesFor(locale)} nonce={nonce}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
