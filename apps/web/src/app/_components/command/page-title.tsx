"use client";

import type { Scope } from "@pulse/schema";
import { useTranslations } from "next-intl";
import { LiveBadge } from "../live-badge";
import { Breadcrumbs } from "./breadcrumbs";
import { PdfDownload } from "./pdf-download";

/** Where the page is (nation → province → commune), its title, whether it is live, and its PDF. */
export function PageTitle({
  title,
  trail,
  scope,
  campaignId,
}: {
  title: string;
  trail: { name: string; href: string }[];
  scope: Scope;
  campaignId?: string | undefined;
}) {
  const t = useTranslations("command");
  return (
    <>
      <Breadcrumbs label={t("breadcrumbs")} trail={trail} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">{title}</h1>
        <LiveBadge />
        <PdfDownload scope={scope} campaignId={campaignId} />
      </div>
    </>
  );
}
