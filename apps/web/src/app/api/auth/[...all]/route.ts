import { forwardToApi } from "../../../../server/forward-to-api";

/** Sign-in, sign-out and sessions: better-auth on the API server, cookies set for this origin. */
export const GET = forwardToApi;
export const POST = forwardToApi;
export const dynamic = "force-dynamic";
