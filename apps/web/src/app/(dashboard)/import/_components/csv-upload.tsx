"use client";

import { SubmitButton } from "../../../_components/submit-button";
import { textIn } from "@pulse/messages/names";
import type { CsvProblem } from "@pulse/schema";
import { useLocale, useTranslations } from "next-intl";
import { useCsvImport, type Upload } from "./use-csv-import";

export function CsvUpload() {
  const t = useTranslations("import");
  const { upload, submit } = useCsvImport();
  const { problems, problemCount } = upload.state === "idle" ? { problems: [], problemCount: 0 } : upload;
  return (
    <div>
      <form
        onSubmit={(e) => void submit(e)}
        className="flex flex-wrap items-center gap-4 rounded bg-white p-4 ring-1 ring-slate-200"
      >
        <label className="flex flex-col text-sm">
          {t("file")}
          <input
            name="file"
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            className="mt-1 text-sm"
          />
        </label>
        <label className="flex flex-col text-sm">
          {t("sheet")}
          <input name="sheet" type="text" className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input name="skipInvalid" type="checkbox" />
          {t("skipInvalid")}
        </label>
        <SubmitButton pending={upload.state === "running"} className="text-sm">
          {t("submit")}
        </SubmitButton>
      </form>
      <Status upload={upload} />
      {problemCount > 0 && <ProblemsTable problems={problems} problemCount={problemCount} />}
    </div>
  );
}

function Status({ upload }: { upload: Upload }) {
  const t = useTranslations("import");
  if (upload.state === "idle") return null;
  if (upload.state === "failed") {
    return (
      <p role="alert" className="mt-4 rounded bg-red-50 p-3 text-red-900 ring-1 ring-red-200">
        {t("failed", { message: upload.message })}
      </p>
    );
  }
  if (upload.state === "done") {
    const { result } = upload;
    const imported = result.status === "imported";
    return (
      <p
        role="status"
        className={`mt-4 rounded p-3 ring-1 ${imported ? "bg-emerald-50 text-emerald-900 ring-emerald-200" : "bg-red-50 text-red-900 ring-red-200"}`}
      >
        {!imported
          ? t("rejected", { invalid: result.invalidRows, rows: result.rows })
          : result.blank > 0 && result.blank === result.rows
            ? t("empty", { blank: result.blank })
            : t("imported", {
                imported: result.imported,
                duplicates: result.duplicates,
                invalid: result.invalidRows,
                blank: result.blank,
                held: result.held,
              })}
      </p>
    );
  }
  const { progress, sent } = upload;
  const total = progress?.phase === "write" ? (progress.total ?? 0) : progress ? 0 : 1;
  const done = progress?.phase === "write" ? progress.written : progress ? 0 : sent;
  const speed = progress ? Math.round(progress.rows / Math.max(progress.elapsedMs / 1000, 0.001)) : 0;
  return (
    <div className="mt-4" role="status">
      <p className="mb-1 text-sm">
        {!progress
          ? t("uploading", { percent: Math.floor(sent * 100) })
          : progress.phase === "validate"
            ? t("validating", { rows: progress.rows })
            : t("writing", { written: done, total, speed })}
      </p>
      <progress className="h-3 w-full" max={total || 1} value={total ? done : undefined} />
    </div>
  );
}

/** Every bad row the server named (the first 500 shown), with its line, column and reason. */
function ProblemsTable({ problems, problemCount }: { problems: CsvProblem[]; problemCount: number }) {
  const t = useTranslations("import");
  const locale = useLocale();
  return (
    <section className="mt-4">
      <h2 className="mb-2 font-semibold">{t("problemsTitle", { count: problemCount })}</h2>
      {problemCount > problems.length && (
        <p className="mb-2 text-sm">{t("problemsMore", { shown: problems.length })}</p>
      )}
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b text-left text-slate-600">
            <th className="py-1 pr-4">{t("line")}</th>
            <th className="py-1 pr-4">{t("column")}</th>
            <th className="py-1">{t("reason")}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${p.line}-${p.column}-${i}`} className="border-b border-slate-100">
              <td className="py-1 pr-4 tabular-nums">{p.line}</td>
              <td className="py-1 pr-4 font-mono">{p.column}</td>
              <td className="py-1">{textIn(p, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
