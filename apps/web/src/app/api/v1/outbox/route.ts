import { forwardToApi } from "../../../../server/forward-to-api";

/** A message of the user's subscriptions written to the outbox (.eml), from the API server. */
export const GET = forwardToApi;
export const dynamic = "force-dynamic";
