import { forwardToApi } from "../../../../../server/forward-to-api";

/** The link of a confirmation message (a small page from the API server). */
export const GET = forwardToApi;
export const dynamic = "force-dynamic";
