import { forwardToApi } from "../../../../server/forward-to-api";

/** The reporting page's outbox sends here; the API server answers with receipts or a refusal. */
export const POST = forwardToApi;
export const dynamic = "force-dynamic";
