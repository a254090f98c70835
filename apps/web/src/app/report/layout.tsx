import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** The field page's components read the `field` messages only: the rest stays on the server. */
export default async function ReportLayout({ children }: { children: ReactNode }) {
  const { field } = await getMessages();
  return <NextIntlClientProvider messages={{ field }}>{children}</NextIntlClientProvider>;
}
