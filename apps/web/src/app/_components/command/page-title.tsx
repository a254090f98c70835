"use client";

import { useTranslations } from "next-intl";
import { LiveBadge } from "../live-badge";
import { Breadcrumbs } from "./breadcrumbs";

/** Where the page is (nation → province → commune), its title, and whether it is live. */
export function PageTitle({ title, trail }: { title: string; trail: { name: string; href: string }[] }) {
  const t = useTranslations("command");
  return (
    <>
      <Breadcrumbs label={t("breadcrumbs")} trail={trail} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">{title}</h1>
        <LiveBadge />
      </div>
    </>
  );
}
