"use client";

import { exportPdfHref, type Scope } from "@pulse/schema";
import { useLocale, useTranslations } from "next-intl";
import { toLocale } from "../../../i18n/locale";
import { usePdfDownload, type PdfDownloadState } from "./use-pdf-download";

const LINK =
  "inline-flex items-center gap-1 rounded border border-sky-800 px-3 py-1.5 text-sm font-medium text-sky-900 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-700";

/** The report of what the page shows, as an A4 PDF in the page's language (the nation's with its annex too). */
export function PdfDownload({ scope, campaignId }: { scope: Scope; campaignId?: string | undefined }) {
  const t = useTranslations("command");
  const lang = toLocale(useLocale());
  const { download, onClick } = usePdfDownload();
  return (
    <div className="flex flex-wrap items-center gap-2" data-pdf-download>
      <a
        className={LINK}
        href={exportPdfHref({ scope, campaignId, lang })}
        download
        title={t("downloadHint")}
        onClick={onClick}
      >
        {t("download")}
      </a>
      {scope.kind === "nation" ? (
        <a
          className={LINK}
          href={exportPdfHref({ scope, campaignId, lang, annex: true })}
          download
          title={t("downloadHint")}
          onClick={onClick}
        >
          {t("downloadAnnex")}
        </a>
      ) : null}
      <DownloadStatus download={download} />
    </div>
  );
}

function DownloadStatus({ download }: { download: PdfDownloadState }) {
  const t = useTranslations("command");
  if (download.state === "idle") return null;
  if (download.state === "failed") {
    return (
      <span role="alert" className="text-sm text-red-800">
        {t("downloadFailed", { message: download.message })}
      </span>
    );
  }
  const place = download.state === "making" ? download.place : undefined;
  const text =
    download.state === "busy"
      ? t("downloadBusy", { seconds: download.seconds })
      : place?.state === "waiting"
        ? t("downloadQueued", { place: place.place })
        : place?.state === "preparing"
          ? t("downloadPreparing")
          : t("downloadMaking");
  return (
    <span
      role="status"
      className="text-sm text-slate-700"
      data-pdf-status={download.state}
      data-pdf-place={place?.state === "waiting" ? place.place : undefined}
    >
      {text}
    </span>
  );
}
