import { forwardToApi } from "../../../../../server/forward-to-api";

/** The import template (every village of your scope), made by the API server. */
export const GET = forwardToApi;
export const dynamic = "force-dynamic";
