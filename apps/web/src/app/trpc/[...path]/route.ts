import { forwardToApi } from "../../../server/forward-to-api";

export const GET = forwardToApi;
export const POST = forwardToApi;
export const dynamic = "force-dynamic";
