import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "../../trpc/react";

/** Walls, command pages, import, screens, sign-in: every message but the PDF's, and tRPC. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // The PDF wording is the server's: the browser gets every section but that one.
  const { pdf: _pdf, ...messages } = await getMessages();
  return (
    <NextIntlClientProvider messages={messages}>
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </NextIntlClientProvider>
  );
}
