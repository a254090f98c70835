"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/** The other language, keeping the page, its filters and sort. */
export function LanguageLink() {
  const t = useTranslations("app");
  const pathname = usePathname();
  const params = new URLSearchParams(useSearchParams());
  params.set("lang", t("languageHref"));
  return (
    <Link className="text-sm text-sky-800 underline" prefetch={false} href={`${pathname}?${params.toString()}`}>
      {t("language")}
    </Link>
  );
}
