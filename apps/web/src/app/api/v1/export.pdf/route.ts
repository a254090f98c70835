import { forwardToApi } from "../../../../server/forward-to-api";

/** A report's PDF, rendered by the API server for a scope the signed-in user may read. */
export const GET = forwardToApi;
export const dynamic = "force-dynamic";
