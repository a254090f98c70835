"use client";

import { textIn } from "@pulse/messages/names";
import {
  XLSX_MEDIA_TYPE,
  type CsvProblem,
  type ImportEvent,
  type ImportProgress,
  type ImportResult,
} from "@pulse/schema";
import { useLocale } from "next-intl";
import { useState, type FormEvent } from "react";

/** Problems kept on screen; the count covers them all. */
const SHOWN_PROBLEMS = 500;

export type Upload =
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
    xhr.setRequestHeader("content-type", /\.xlsx$/i.test(file.name) ? XLSX_MEDIA_TYPE : "text/csv");
    xhr.setRequestHeader("accept", "application/x-ndjson");
    xhr.send(file);
  });
}

/** The upload's state, and the form's submit handler that posts the file and follows its events. */
export function useCsvImport() {
  const locale = useLocale();
  const [upload, setUpload] = useState<Upload>({ state: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return;
    const skipInvalid = form.get("skipInvalid") === "on";
    const sheet = String(form.get("sheet") ?? "").trim();
    const query = new URLSearchParams({ ...(skipInvalid ? { skipInvalid: "true" } : {}), ...(sheet ? { sheet } : {}) });
    let problems: CsvProblem[] = [];
    let problemCount = 0;
    setUpload({ state: "running", progress: null, sent: 0, problems, problemCount });
    try {
      let failure: string | null = null;
      const answer = await postCsv(
        `/api/v1/imports${query.size > 0 ? `?${query}` : ""}`,
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

  return { upload, submit };
}
