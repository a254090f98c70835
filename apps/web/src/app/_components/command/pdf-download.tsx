"use client";

import { exportPdfHref, type Scope } from "@pulse/schema";
import { useLocale, useTranslations } from "next-intl";
import { toLocale } from "../../../i18n/locale";

const LINK =
  "inline-flex items-center gap-1 rounded border border-sky-800 px-3 py-1.5 text-sm font-medium text-sky-900 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-700";

/** The report of what the page shows, as an A4 PDF in the page's language (the nation's with its annex too). */
export function PdfDownload({ scope, campaignId }: { scope: Scope; campaignId?: string | undefined }) {
  const t = useTranslations("command");
  const lang = toLocale(useLocale());
  return (
    <div className="flex flex-wrap gap-2" data-pdf-download>
      <a className={LINK} href={exportPdfHref({ scope, campaignId, lang })} download title={t("downloadHint")}>
        {t("download")}
      </a>
      {scope.kind === "nation" ? (
        <a
          className={LINK}
          href={exportPdfHref({ scope, campaignId, lang, annex: true })}
          download
          title={t("downloadHint")}
        >
          {t("downloadAnnex")}
        </a>
      ) : null}
    </div>
  );
}
