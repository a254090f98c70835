import { z } from "zod";
import { scopeKey, scopeText } from "./roles";
import type { Scope } from "./codes";

/** Where a report's PDF is served, by the API server and (forwarded) by the web app. */
export const EXPORT_PDF_PATH = "/api/v1/export.pdf";

/** Where a page asks where its export stands (`?ticket=`): figures being read, its place in the queue, or rendering. */
export const EXPORT_QUEUE_PATH = "/api/v1/export-queue";
export const exportQueueQuery = z.object({ ticket: z.uuid() }).strict();

/** `?scope=province:68&campaign=…&lang=en[&annex=communes]`: what a PDF covers and in which language. */
export const exportPdfQuery = z
  .object({
    scope: scopeText,
    campaign: z.string().min(1).max(64).optional(),
    lang: z.enum(["vi", "en"]).default("vi"),
    /** the nation's report only: every commune of the country in an annex */
    annex: z.literal("communes").optional(),
    /** the page's own random id for this request: `EXPORT_QUEUE_PATH` says where it stands meanwhile */
    ticket: z.uuid().optional(),
  })
  .strict()
  .refine((q) => q.annex === undefined || q.scope.kind === "nation", {
    path: ["annex"],
    params: { rule: "annexNationOnly" },
  });
export type ExportPdfQuery = z.infer<typeof exportPdfQuery>;

/** The link of a report's PDF, as the command pages offer it. */
export function exportPdfHref(query: {
  scope: Scope;
  campaignId?: string | undefined;
  lang: "vi" | "en";
  annex?: boolean;
}): string {
  const params = new URLSearchParams({ scope: scopeKey(query.scope), lang: query.lang });
  if (query.campaignId) params.set("campaign", query.campaignId);
  if (query.annex) params.set("annex", "communes");
  return `${EXPORT_PDF_PATH}?${params}`;
}
