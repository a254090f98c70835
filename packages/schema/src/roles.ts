import { z } from "zod";
import { singleLineText } from "./text";
import { scope, type Scope } from "./codes";
import { roomOf } from "./live";

/**
 * Who may do what. A scope covers everything below it (a province its communes, a commune its
 * villages); the role says what may be done there.
 */
export const ROLES = ["admin", "province", "commune", "reporter", "viewer"] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

/** The scope kind each role works at; a viewer may be given any. */
export const ROLE_SCOPE_KINDS: Record<Role, readonly Scope["kind"][]> = {
  admin: ["nation"],
  province: ["province"],
  commune: ["commune"],
  reporter: ["commune"],
  viewer: ["nation", "province", "commune"],
};

/** Roles that may submit reports for their scope. */
export const WRITER_ROLES: readonly Role[] = ["admin", "province", "commune", "reporter"];
/** Roles that report from the field on the phone page (/report): for their commune or province. */
export const FIELD_ROLES: readonly Role[] = ["province", "commune", "reporter"];
/** Roles that approve or reject reports held as probable typos in their scope. */
export const REVIEWER_ROLES: readonly Role[] = ["admin", "province", "commune"];
/** Roles that may create and revoke kiosk tokens for their scope. */
export const KIOSK_MANAGER_ROLES: readonly Role[] = ["admin", "province", "commune"];

/** A scope as text: "nation", "province:01", "commune:00082" (CLI flags, URLs, logs). */
export function scopeKey(value: Scope): string {
  return roomOf(value);
}

export const scopeText = z.string().transform((text, ctx) => {
  const [kind, code] = text.split(":");
  const parsed = scope.safeParse(kind === "nation" ? { kind } : { kind, code });
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: "custom", params: { rule: "format" } });
  return z.NEVER;
});

export const account = z
  .object({
    email: z.email().transform((e) => e.toLowerCase()),
    name: singleLineText(1, 120).optional(),
    role,
    scope,
  })
  .refine((a) => ROLE_SCOPE_KINDS[a.role].includes(a.scope.kind), {
    path: ["scope"],
    params: { rule: "scopeOfRole" },
  });
export type Account = z.infer<typeof account>;

/** Kiosk tokens: read-only access for a wall screen; the secret is shown once. */
export const KIOSK_TOKEN_PREFIX = "cpk_";
/** The cookie a paired or token-opened screen carries (httpOnly, set by the web app). */
export const KIOSK_COOKIE = "pulse_kiosk";
/** Short code a TV shows while it waits to be paired: no 0/O, 1/I/L. */
export const PAIRING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const PAIRING_CODE_LENGTH = 6;
export const PAIRING_TTL_MS = 10 * 60_000;
export const pairingCode = z
  .string()
  .transform((c) => c.replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${PAIRING_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`)));

const kioskDetails = {
  name: singleLineText(3, 120),
  scope,
  /** optional; must be in the future */
  expiresAt: z.coerce.date().optional(),
};
export const kioskTokenInput = z.object(kioskDetails);
export const kioskPairInput = z.object({ code: pairingCode, ...kioskDetails });
export type KioskTokenInput = z.infer<typeof kioskTokenInput>;

/** Why a request was refused, in both languages: tRPC, HTTP, sockets and pages say the same. */
export const ACCESS_MESSAGES = {
  signInRequired: { vi: "Cần đăng nhập", en: "Sign-in required" },
  outOfScope: { vi: "Ngoài phạm vi được giao", en: "Outside your assigned scope" },
  notAllowed: { vi: "Vai trò của bạn không được làm việc này", en: "Your role may not do this" },
  tooManyRequests: { vi: "Quá nhiều yêu cầu, hãy thử lại sau", en: "Too many requests, try again later" },
  crossSite: { vi: "Yêu cầu từ trang khác bị từ chối", en: "Cross-site request refused" },
  kioskRevoked: { vi: "Mã màn hình đã bị thu hồi", en: "This screen's token was revoked" },
  kioskExpired: { vi: "Mã màn hình đã hết hạn", en: "This screen's token has expired" },
  kioskUnknown: { vi: "Mã màn hình không hợp lệ", en: "This screen's token is not valid" },
} as const satisfies Record<string, { vi: string; en: string }>;
export type AccessProblem = keyof typeof ACCESS_MESSAGES;

/** Why a kiosk token no longer opens anything. */
export type KioskRefusal = "revoked" | "expired" | "unknown";
