import { WRITER_ROLES } from "@pulse/schema";
import { getTranslations } from "next-intl/server";
import { LiveNotificationsBell } from "../../_components/live-notifications-bell";
import { SignedInPage } from "../../_components/signed-in-page";
import { CsvUpload } from "./_components/csv-upload";

/** Back-office import (CSV or Excel): column guide, templates, upload, progress, every bad row (rows outside your scope too). */
export default async function ImportPage() {
  const t = await getTranslations("import");
  return (
    <SignedInPage
      notifications={<LiveNotificationsBell />}
      path="/import"
      title={t("title")}
      may={(viewer) => viewer.kind === "user" && WRITER_ROLES.includes(viewer.role)}
      refused={t("notAllowed")}
    >
      {() => (
        <>
          <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
          <section className="mb-6 rounded bg-white p-4 ring-1 ring-slate-200">
            <h2 className="mb-1 font-semibold">{t("columnsTitle")}</h2>
            <p className="text-sm text-slate-700">{t("columnsHelp")}</p>
            <p className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
              <a className="text-sky-800 underline" href="/api/v1/imports/template.xlsx">
                {t("template", { format: "Excel" })}
              </a>
              <a className="text-sky-800 underline" href="/api/v1/imports/template.csv">
                {t("template", { format: "CSV" })}
              </a>
              <a className="text-sky-800 underline" href="/api/v1/imports/example.csv">
                {t("example")}
              </a>
            </p>
          </section>
          <CsvUpload />
        </>
      )}
    </SignedInPage>
  );
}
