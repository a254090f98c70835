import { forwardToApi } from "../../../../../server/forward-to-api";

/** The example CSV file, served by the API server. */
export const GET = forwardToApi;
export const dynamic = "force-dynamic";
