import { forwardToApi } from "../../../../server/forward-to-api";

/** CSV uploads from the import page go to the API server, streamed both ways. */
export const POST = forwardToApi;
export const dynamic = "force-dynamic";
