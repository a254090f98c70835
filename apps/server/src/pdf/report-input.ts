import type { RouterOutputs } from "@pulse/api";
import type { Locale } from "@pulse/indicators";
import { VALIDATION_MESSAGES, type Scope } from "@pulse/schema";
import { TRPCError } from "@trpc/server";
import type { ApiCaller } from "@pulse/api";

type Progress = RouterOutputs["progress"];

/**
 * What a PDF is made from: the API's own answers for the scope (so its numbers are the
 * screens' numbers), plain data that crosses to the render worker by structured clone.
 */
export type ReportInput = { lang: Locale; generatedAt: string } & (
  | { kind: "nation"; nation: Progress["nation"]; series: Progress["series"]; annex: Progress["allCommunes"] | null }
  | { kind: "province"; province: Progress["province"]; series: Progress["series"] }
  | { kind: "commune"; commune: Progress["commune"] }
);

export interface ReportRequest {
  scope: Scope;
  campaignId: string | undefined;
  lang: Locale;
  /** the nation's PDF only: every commune of the country in an annex */
  annex: boolean;
}

/** Reads what the report shows through the procedures, which check the caller's scope again. */
export async function loadReportInput(caller: ApiCaller, request: ReportRequest, now: Date): Promise<ReportInput> {
  const { scope, campaignId, lang } = request;
  const base = { lang, generatedAt: now.toISOString() };
  switch (scope.kind) {
    case "nation": {
      const [nation, series, annex] = await Promise.all([
        caller.progress.nation({ campaignId }),
        caller.progress.series({ scope, campaignId }),
        request.annex ? caller.progress.allCommunes({ campaignId }) : null,
      ]);
      return { ...base, kind: "nation", nation, series, annex };
    }
    case "province": {
      const [province, series] = await Promise.all([
        caller.progress.province({ code: scope.code, campaignId }),
        caller.progress.series({ scope, campaignId }),
      ]);
      if (!province.province) {
        const { vi, en } = VALIDATION_MESSAGES.unknownProvince;
        throw new TRPCError({ code: "NOT_FOUND", message: `${vi} / ${en}` });
      }
      return { ...base, kind: "province", province, series };
    }
    case "commune":
      return { ...base, kind: "commune", commune: await caller.progress.commune({ code: scope.code, campaignId }) };
  }
}
