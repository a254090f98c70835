import { KIOSK_MANAGER_ROLES, REVIEWER_ROLES, WRITER_ROLES, type Scope } from "@pulse/schema";
import type { Principal } from "./principal";

/** commune code → province code (from the geography); undefined for a code that does not exist */
export type ProvinceOf = (communeCode: string) => string | undefined;

/** subscribe: scheduled reports by email, for people (every role), never screens */
export type Action = "read" | "write" | "review" | "manageKiosks" | "subscribe" | "admin";

/** Whether `outer` includes `inner`: the nation all, a province its communes, a commune itself. */
export function covers(outer: Scope, inner: Scope, provinceOf: ProvinceOf): boolean {
  switch (outer.kind) {
    case "nation":
      return true;
    case "province":
      if (inner.kind === "province") return inner.code === outer.code;
      return inner.kind === "commune" && provinceOf(inner.code) === outer.code;
    case "commune":
      return inner.kind === "commune" && inner.code === outer.code;
  }
}

function roleAllows(principal: Principal, action: Action): boolean {
  if (principal.kind === "kiosk") return action === "read";
  if (principal.kind !== "user") return false;
  if (action === "read" || action === "subscribe") return true;
  if (action === "write") return WRITER_ROLES.includes(principal.role);
  if (action === "review") return REVIEWER_ROLES.includes(principal.role);
  if (action === "manageKiosks") return KIOSK_MANAGER_ROLES.includes(principal.role);
  return principal.role === "admin";
}

/** Why a principal may not act on these targets, or null when it may. */
export function refusal(
  principal: Principal,
  action: Action,
  targets: readonly Scope[],
  provinceOf: ProvinceOf,
): "signInRequired" | "notAllowed" | "outOfScope" | null {
  if (principal.kind === "system") return null;
  if (principal.kind !== "user" && principal.kind !== "kiosk") return "signInRequired";
  if (!roleAllows(principal, action)) return "notAllowed";
  const { scope } = principal;
  return targets.every((target) => covers(scope, target, provinceOf)) ? null : "outOfScope";
}

/** The units of a report, import row or room, as scopes. */
export const nationScope: Scope = { kind: "nation" };
export const provinceScope = (code: string): Scope => ({ kind: "province", code });
export const communeScope = (code: string): Scope => ({ kind: "commune", code });
