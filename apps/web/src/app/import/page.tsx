import { WRITER_ROLES } from "@pulse/schema";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireViewer } from "../../server/api";
import { AccountBar } from "../_components/account-bar";
import { CsvUpload } from "./_components/csv-upload";

/** Back-office CSV import: column guide, upload, progress, every bad row (rows outside your scope too). */
export default async function ImportPage() {
  const viewer = await requireViewer("/import");
  const t = await getTranslations("import");
  const allowed = viewer.kind === "user" && WRITER_ROLES.includes(viewer.role);
  return (
    <main className="mx-auto max-w-5xl px-6 py-6">
      <div className="mb-3 flex flex-wrap items-center gap-4">
        <Link className="text-sm text-sky-800 underline" href="/">
          {t("back")}
        </Link>
        <AccountBar viewer={viewer} />
      </div>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      {allowed ? (
        <>
          <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
          <section className="mb-6 rounded bg-white p-4 ring-1 ring-slate-200">
            <h2 className="mb-1 font-semibold">{t("columnsTitle")}</h2>
            <p className="text-sm text-slate-700">{t("columnsHelp")}</p>
            <a className="mt-2 inline-block text-sm text-sky-800 underline" href="/api/v1/imports/example.csv">
              {t("example")}
            </a>
          </section>
          <CsvUpload />
        </>
      ) : (
        <p role="alert" className="text-red-700">
          {t("notAllowed")}
        </p>
      )}
    </main>
  );
}
