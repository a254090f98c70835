import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
import "./globals.css";
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { env } from "../env";
import { LiveProvider } from "../live/live-provider";
import { TRPCReactProvider } from "../trpc/react";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("title"), description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // The PDF wording is the server's: the browser gets every section but that one.
  const { pdf: _pdf, ...messages } = await getMessages();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <NuqsAdapter>
          <NextIntlClientProvider messages={messages}>
            <TRPCReactProvider>
              <LiveProvider url={env.PULSE_LIVE_URL ?? null} port={env.PULSE_LIVE_PORT}>
                {children}
              </LiveProvider>
            </TRPCReactProvider>
          </NextIntlClientProvider>
        </NuqsAdapter>
      </body>
    </html>
  );
}
