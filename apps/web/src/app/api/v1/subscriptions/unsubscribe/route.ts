import { forwardToApi } from "../../../../../server/forward-to-api";

/** The unsubscribe link of a scheduled report; POST is a mail client's one-click button (RFC 8058). */
export const GET = forwardToApi;
export const POST = forwardToApi;
export const dynamic = "force-dynamic";
