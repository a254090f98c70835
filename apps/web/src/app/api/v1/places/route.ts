import { forwardToApi } from "../../../../server/forward-to-api";

/** The field page's places (a commune's villages and figures, or a province's communes), from the API server. */
export const GET = forwardToApi;
export const dynamic = "force-dynamic";
