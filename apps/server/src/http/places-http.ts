import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context } from "@pulse/api";
import { fieldErrorsOf, placesQuery, type CommunePlaces, type ProvincePlaces } from "@pulse/schema";
import { callerFor } from "../services";
import { problem, sendJson } from "./problem";

/**
 * `GET /api/v1/places?commune=…` or `?province=…`: what the field page needs of its places, read
 * through the same procedures (and scope checks) as the command pages, trimmed to a phone's needs
 * — a commune's detail is ≈ 10× larger with its series and teams, over a weak link.
 */
export async function handlePlacesGet(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const params = Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);
  const parsed = placesQuery.safeParse(params);
  if (!parsed.success) throw problem(400, "invalidParameters", { fieldErrors: fieldErrorsOf(parsed.error) });
  const caller = callerFor(ctx);
  const { commune, province } = parsed.data;
  if (province !== undefined) {
    const { communes } = await caller.progress.province({ code: province });
    const body: ProvincePlaces = { communes: communes.map(({ code, fullName }) => ({ code, fullName })) };
    return sendJson(res, 200, body, { "cache-control": "private, no-store" });
  }
  const detail = await caller.progress.commune({ code: commune ?? "" });
  const { code, fullName, fullNameEn, eligible, eidL2Activated, householdsVisited } = detail.commune;
  const body: CommunePlaces = {
    commune: { code, fullName, fullNameEn, eligible, eidL2Activated, householdsVisited },
    activatedToday: detail.activatedToday,
    villages: detail.villages.map((v) => ({
      code: v.code,
      name: v.name,
      households: v.households,
      eidL2Activated: v.eidL2Activated,
      householdsVisited: v.householdsVisited,
    })),
  };
  sendJson(res, 200, body, { "cache-control": "private, no-store" });
}
