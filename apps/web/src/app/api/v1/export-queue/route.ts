import { forwardToApi } from "../../../../server/forward-to-api";

/** Where the page's PDF export stands (figures, place in the queue, rendering), from the API server. */
export const GET = forwardToApi;
export const dynamic = "force-dynamic";
