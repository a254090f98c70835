import {
  createKioskToken,
  createPendingKioskToken,
  getKioskToken,
  listKioskTokens,
  listProvinceNames,
  pairKioskToken,
  revokeKioskToken,
  setKioskOnHours,
  writeAudit,
  type KioskToken,
} from "@pulse/db/queries";
import { screenHealthOf } from "@pulse/indicators";
import {
  fieldError,
  kioskPairInput,
  kioskTokenInput,
  PAIRING_TTL_MS,
  scopeKey,
  screenOnHoursInput,
} from "@pulse/schema";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { newKioskSecret, newPairingCode } from "../access/kiosk-secret";
import { actorOf } from "../access/principal";
import { covers } from "../access/rules";
import type { Context } from "../context";
import { apiError } from "../errors";
import { throttle } from "../access/gate";
import { authorize, publicProcedure, signedInProcedure } from "../trpc";

export type KioskStatus = "active" | "expired" | "revoked";

function statusOf(token: KioskToken, now: Date): KioskStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}

const refuseBadInput = (field: string, rule: "pastDate" | "unknownPairingCode") => {
  const error = fieldError(field, rule);
  return apiError("BAD_REQUEST", { vi: error.vi, en: error.en }, { fieldErrors: [error] });
};

function checkExpiry(ctx: Context, expiresAt: Date | undefined): void {
  if (expiresAt && expiresAt <= ctx.now()) throw refuseBadInput("expiresAt", "pastDate");
}

/** The user acting (these procedures pass `manageKiosks`, which only users have). */
function userIdOf(ctx: Context): string {
  if (ctx.principal.kind !== "user") throw new TRPCError({ code: "FORBIDDEN" });
  return ctx.principal.userId;
}

async function audit(ctx: Context, action: string, token: KioskToken): Promise<void> {
  await writeAudit(ctx.db, {
    actor: actorOf(ctx.principal),
    action,
    target: `kiosk:${token.id}`,
    ip: ctx.clientIp,
    details: { name: token.name, scope: scopeKey(token.scope), expiresAt: token.expiresAt?.toISOString() ?? null },
  });
}

const provinceCodeOf = (ctx: Context, scope: KioskToken["scope"]) =>
  scope.kind === "province" ? scope.code : scope.kind === "commune" ? ctx.provinceOf(scope.code) : null;

async function tokensInScope(ctx: Context) {
  const { principal } = ctx;
  if (principal.kind !== "user") return [];
  const now = ctx.now();
  const tokens = await listKioskTokens(ctx.db);
  return tokens
    .filter((t) => covers(principal.scope, t.scope, ctx.provinceOf))
    .map((t) => {
      const status = statusOf(t, now);
      // A revoked or expired token's screens are cut: nothing to watch.
      const health = status === "active" ? screenHealthOf(t, now) : { connected: false, darkSince: null };
      return { ...t, status, health };
    });
}

/** A procedure on one token passes `manageKiosks` for its scope; an unknown id is refused like a foreign one (ids of other scopes are not confirmed). */
async function authorizeToken<T>({
  ctx,
  input,
  next,
}: {
  ctx: Context;
  input: { id: string };
  next: () => Promise<T>;
}): Promise<T> {
  const token = await getKioskToken(ctx.db, input.id);
  return authorize(ctx, "manageKiosks", [token?.scope ?? { kind: "nation" }], next);
}

/** Read-only tokens for wall screens: created for a scope, paired by code, revoked at once. */
export const kioskRouter = {
  /** A user's tokens for their scope: the secret itself is never shown again. */
  create: signedInProcedure
    .input(kioskTokenInput)
    .use(({ ctx, input, next }) => authorize(ctx, "manageKiosks", [input.scope], next))
    .mutation(async ({ ctx, input }) => {
      checkExpiry(ctx, input.expiresAt);
      const { id, secret, tokenHash } = newKioskSecret();
      const token = await createKioskToken(ctx.db, { id, tokenHash, ...input, createdBy: userIdOf(ctx) });
      await audit(ctx, "kiosk.create", token);
      return { token: { ...token, status: statusOf(token, ctx.now()) }, secret };
    }),

  /** A TV asks to be paired: it keeps the secret (in a cookie) and shows the code. */
  startPairing: publicProcedure.mutation(async ({ ctx }) => {
    await throttle(ctx, "pairingStart");
    const { id, secret, tokenHash } = newKioskSecret();
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + PAIRING_TTL_MS);
    // A clash of codes among the few waiting screens is retried with a new code.
    for (let attempt = 0; ; attempt++) {
      const code = newPairingCode();
      try {
        await createPendingKioskToken(ctx.db, { id, tokenHash, pairingCode: code, pairingExpiresAt: expiresAt, now });
        return { secret, code, expiresAt };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }),

  /** A user types the code a TV shows: the TV's token gets a name and a scope within the user's. */
  pair: signedInProcedure
    .input(kioskPairInput)
    .use(({ ctx, input, next }) => authorize(ctx, "manageKiosks", [input.scope], next))
    .mutation(async ({ ctx, input }) => {
      await throttle(ctx, "pairingCode");
      checkExpiry(ctx, input.expiresAt);
      const { code, ...details } = input;
      const token = await pairKioskToken(ctx.db, {
        pairingCode: code,
        ...details,
        createdBy: userIdOf(ctx),
        now: ctx.now(),
      });
      if (!token) throw refuseBadInput("code", "unknownPairingCode");
      ctx.accessChanged();
      await audit(ctx, "kiosk.pair", token);
      return { ...token, status: statusOf(token, ctx.now()) };
    }),

  /**
   * Tokens within the asker's scope (a province's own and its communes'), each with its screen's
   * health: connected now, or dark since when; the version it runs, what it shows, its last report.
   */
  list: signedInProcedure
    .use(({ ctx, next }) => authorize(ctx, "manageKiosks", [], next))
    .query(async ({ ctx }) => tokensInScope(ctx)),

  /** Screens in use (active tokens) and how many are dark, per province of the asker's scope. */
  fleet: signedInProcedure
    .use(({ ctx, next }) => authorize(ctx, "manageKiosks", [], next))
    .query(async ({ ctx }) => {
      const tokens = (await tokensInScope(ctx)).filter((t) => t.status === "active" && t.scope.kind !== "nation");
      const provinces = await listProvinceNames(ctx.db);
      return provinces.flatMap((province) => {
        const mine = tokens.filter((t) => provinceCodeOf(ctx, t.scope) === province.code);
        if (mine.length === 0) return [];
        return [{ province, screens: mine.length, dark: mine.filter((t) => !t.health.connected).length }];
      });
    }),

  /** A screen's own on-hours (a ward's TV off at night is not "dark"), or null for its campaign's; the alert check follows them. */
  setOnHours: signedInProcedure
    .input(screenOnHoursInput)
    .use(authorizeToken)
    .mutation(async ({ ctx, input }) => {
      const token = await getKioskToken(ctx.db, input.id);
      if (!token) throw new TRPCError({ code: "NOT_FOUND" });
      await setKioskOnHours(ctx.db, input);
      await writeAudit(ctx.db, {
        actor: actorOf(ctx.principal),
        action: "kiosk.onHours",
        target: `kiosk:${token.id}`,
        ip: ctx.clientIp,
        details: { name: token.name, onHours: input.onHours },
      });
      return { id: input.id, onHours: input.onHours };
    }),

  /** Screens using it are disconnected at once (and by every server within seconds). */
  revoke: signedInProcedure
    .input(z.object({ id: z.uuid() }))
    .use(authorizeToken)
    .mutation(async ({ ctx, input }) => {
      const token = await getKioskToken(ctx.db, input.id);
      if (!token) throw new TRPCError({ code: "NOT_FOUND" });
      if (await revokeKioskToken(ctx.db, input.id, ctx.now())) await audit(ctx, "kiosk.revoke", token);
      ctx.accessChanged();
      ctx.live.kioskRevoked(input.id);
      return { id: input.id, status: "revoked" as KioskStatus };
    }),
} satisfies TRPCRouterRecord;
