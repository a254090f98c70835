"use client";

import { SubmitButton } from "../../_components/submit-button";
import { textIn } from "@pulse/messages";
import type { CsvProblem, ImportEvent, ImportProgress, ImportResult } from "@pulse/schema";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

/** Problems kept on screen; the count covers them all. */
const SHOWN_PROBLEMS = 500;

type Upload =
  | { state: "idle" }
  | {
      state: "running";
      /** share of the file uploaded, 0 to 1 */
      sent: number;
      progress: ImportProgress | null;
      problems: CsvProblem[];
      problemCount: number;
    }
  | { state: "done"; result: ImportResult; problems: CsvProblem[]; problemCount: number }
  | { state: "failed"; message: string; problems: CsvProblem[]; problemCount: number };

/**
 * Posts the file with XMLHttpRequest, which (unlike fetch) reports upload progress, and hands
 * over each NDJSON event of the response as it streams in. Resolves with the HTTP status and,
 * for a refusal before streaming began, the server's message.
 */
function postCsv(
  url: string,
  file: File,
  onUpload: (fraction: number) => void,
  onEvent: (event: ImportEvent) => void,
): Promise<{ status: number; error?: { vi: string; en: string } }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    const drain = (final: boolean) => {
      if (!xhr.getResponseHeader("content-type")?.startsWith("application/x-ndjson")) return;
      const end = final ? xhr.responseText.length : xhr.responseText.lastIndexOf("\n") + 1;
      if (end <= read) return;
      const lines = xhr.responseText.slice(read, end).split("\n");
      read = end;
      for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as ImportEvent);
    };
    xhr.upload.onprogress = (e) => e.lengthComputable && onUpload(e.loaded / e.total);
    xhr.onprogress = () => drain(false);
    xhr.onload = () => {
      drain(true);
      if (xhr.status === 200) return resolve({ status: 200 });
      const body = JSON.parse(xhr.responseText || "{}") as { error?: { vi: string; en: string } };
      resolve({ status: xhr.status, ...(body.error ? { error: body.error } : {}) });
    };
    xhr.onerror = () => reject(new Error(String(xhr.status || "network")));
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader("accept", "application/x-ndjson");
    xhr.send(file);
  });
}

export function CsvUpload() {
  const t = useTranslations("import");
  const locale = useLocale();
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const problemsOf = (u: Upload) => (u.state === "idle" ? { problems: [], problemCount: 0 } : u);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return;
    const skipInvalid = form.get("skipInvalid") === "on";
    let problems: CsvProblem[] = [];
    let problemCount = 0;
    setUpload({ state: "running", progress: null, sent: 0, problems, problemCount });
    try {
      let failure: string | null = null;
      const answer = await postCsv(
        `/api/v1/imports${skipInvalid ? "?skipInvalid=true" : ""}`,
        file,
        (fraction) => setUpload((u) => (u.state === "running" && !u.progress ? { ...u, sent: fraction } : u)),
        (item) => {
          if (item.type === "problem") {
            problemCount += 1;
            if (problems.length < SHOWN_PROBLEMS) problems = [...problems, item];
            setUpload((u) => ({
              ...(u.state === "running" ? u : { progress: null, sent: 1 }),
              state: "running",
              problems,
              problemCount,
            }));
          } else if (item.type === "progress") {
            setUpload({ state: "running", progress: item, sent: 1, problems, problemCount });
          } else if (item.type === "result") {
            setUpload({ state: "done", result: item, problems, problemCount });
          } else if (item.type === "error") {
            failure = textIn(item, locale);
          }
        },
      );
      if (answer.error) failure = textIn(answer.error, locale);
      else if (answer.status !== 200) failure = String(answer.status);
      if (failure) throw new Error(failure);
    } catch (error) {
      setUpload({
        state: "failed",
        message: error instanceof Error ? error.message : String(error),
        problems,
        problemCount,
      });
    }
  }

  const { problems, problemCount } = problemsOf(upload);
  return (
    <div>
      <form
        onSubmit={(e) => void submit(e)}
        className="flex flex-wrap items-center gap-4 rounded bg-white p-4 ring-1 ring-slate-200"
      >
        <label className="flex flex-col text-sm">
          {t("file")}
          <input name="file" type="file" accept=".csv,text/csv" required className="mt-1 text-sm" />
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
      {problemCount > 0 && (
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
      )}
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
        {imported
          ? t("imported", { imported: result.imported, duplicates: result.duplicates, invalid: result.invalidRows })
          : t("rejected", { invalid: result.invalidRows, rows: result.rows })}
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
