import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "@pulse/db/client";
import { createKioskToken } from "@pulse/db/queries";
import { countsReport, seededDatabase, TEST_NOW, testEnv } from "@pulse/db/testing";
import type { Role, Scope } from "@pulse/schema";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { testCallers, testUser } from "../testing";
import { SYSTEM, type Principal } from "./principal";
import type { Action } from "./rules";

// Province A is Hà Nội (Cửa Nam, Hoàn Kiếm); province B is Lai Châu (Thu Lũm).
const SCOPES = {
  nation: { kind: "nation" },
  provinceA: { kind: "province", code: "01" },
  communeA: { kind: "commune", code: "00082" },
  communeA2: { kind: "commune", code: "00070" },
  provinceB: { kind: "province", code: "12" },
  communeB: { kind: "commune", code: "03439" },
} as const satisfies Record<string, Scope>;
type Target = keyof typeof SCOPES;
const ALL = Object.keys(SCOPES) as Target[];
const COMMUNES: Target[] = ["communeA", "communeA2", "communeB"];
const IN_A: Target[] = ["provinceA", "communeA", "communeA2"];
const communeOf = (t: Target) => (SCOPES[t] as { code: string }).code;

/**
 * What each principal may reach, written out by hand (not computed by the code under test):
 * per action, the targets it may act on.
 */
const REACH = {
  anonymous: {},
  pairingScreen: {},
  admin: { read: ALL, write: ALL, review: ALL, manageKiosks: ALL, subscribe: ALL, admin: ALL },
  provinceUserA: { read: IN_A, write: IN_A, review: IN_A, manageKiosks: IN_A, subscribe: IN_A },
  communeUserA: {
    read: ["communeA"],
    write: ["communeA"],
    review: ["communeA"],
    manageKiosks: ["communeA"],
    subscribe: ["communeA"],
  },
  reporterA: { read: ["communeA"], write: ["communeA"], subscribe: ["communeA"] },
  viewerA: { read: IN_A, subscribe: IN_A },
  nationViewer: { read: ALL, subscribe: ALL },
  kioskA: { read: IN_A },
  kioskCommuneA: { read: ["communeA"] },
} satisfies Record<string, Partial<Record<Action, Target[]>>>;
type PrincipalName = keyof typeof REACH;

interface Case {
  /** what the gate checks: an action on the targets, any signed-in principal, or nobody */
  gate: Action | "signedIn" | "public";
  /** the units the input can name; none: the procedure takes no unit */
  targets?: Target[];
  input: (target: Target) => unknown;
}

const envelope = (t: Target) => ({
  idempotencyKey: randomUUID(),
  communeCode: communeOf(t),
  asOf: TEST_NOW,
  reporter: "Kiểm thử phạm vi",
  source: "api",
});

/** Every procedure of the router: one missing here fails the test, so none goes unchecked. */
function cases(fixture: { reportIds: Record<Target, number>; tokenIds: Record<Target, string> }): Record<string, Case> {
  return {
    "audit.list": { gate: "admin", input: () => ({}) },
    "auth.me": { gate: "public", input: () => undefined },
    "kiosk.create": { gate: "manageKiosks", targets: ALL, input: (t) => ({ name: "TV kiểm thử", scope: SCOPES[t] }) },
    "kiosk.startPairing": { gate: "public", input: () => undefined },
    "kiosk.pair": {
      gate: "manageKiosks",
      targets: ALL,
      input: (t) => ({ code: "ABCDEF", name: "TV kiểm thử", scope: SCOPES[t] }),
    },
    "kiosk.list": { gate: "manageKiosks", input: () => undefined },
    "kiosk.fleet": { gate: "manageKiosks", input: () => undefined },
    "kiosk.revoke": { gate: "manageKiosks", targets: ALL, input: (t) => ({ id: fixture.tokenIds[t] }) },
    "kiosk.setOnHours": {
      gate: "manageKiosks",
      targets: ALL,
      input: (t) => ({ id: fixture.tokenIds[t], onHours: { start: 360, end: 1320 } }),
    },
    "progress.nation": { gate: "read", targets: ["nation"], input: () => ({}) },
    "progress.allCommunes": { gate: "read", targets: ["nation"], input: () => ({}) },
    "progress.province": {
      gate: "read",
      targets: ["provinceA", "provinceB"],
      input: (t) => ({ code: (SCOPES[t] as { code: string }).code }),
    },
    "progress.communes": { gate: "read", targets: COMMUNES, input: (t) => ({ codes: [communeOf(t)] }) },
    "progress.commune": { gate: "read", targets: COMMUNES, input: (t) => ({ code: communeOf(t) }) },
    "progress.series": { gate: "read", targets: ALL, input: (t) => ({ scope: SCOPES[t] }) },
    "progress.campaigns": { gate: "signedIn", input: () => undefined },
    "reports.submit": { gate: "write", targets: COMMUNES, input: (t) => countsReport({ communeCode: communeOf(t) }) },
    "reports.submitBatch": {
      gate: "write",
      targets: COMMUNES,
      input: (t) => [countsReport({ communeCode: communeOf(t) })],
    },
    "reports.correct": {
      gate: "write",
      targets: COMMUNES,
      input: (t) => ({
        idempotencyKey: randomUUID(),
        correctsReportId: fixture.reportIds[t],
        reporter: "Kiểm thử phạm vi",
        source: "api",
        counters: { eidL2Activated: 2 },
      }),
    },
    "reports.teamChange": {
      gate: "write",
      targets: COMMUNES,
      input: (t) => ({ ...envelope(t), change: { action: "supportStaffSet", members: 4 } }),
    },
    "reports.baseline": {
      gate: "write",
      targets: COMMUNES,
      input: (t) => ({ ...envelope(t), eligible: 20_000, effectiveOn: "2026-01-01" }),
    },
    "reports.recent": { gate: "read", targets: ALL, input: (t) => ({ scope: SCOPES[t], limit: 5 }) },
    "alerts.mine": { gate: "subscribe", input: () => undefined },
    "alerts.markRead": { gate: "subscribe", input: () => undefined },
    "alerts.open": { gate: "read", targets: ALL, input: (t) => SCOPES[t] },
    "alerts.rules": { gate: "admin", input: () => undefined },
    "alerts.emailSettings": { gate: "subscribe", input: () => undefined },
    "alerts.setEmailSettings": { gate: "subscribe", input: () => ({ mode: "digest", time: "07:00", lang: "vi" }) },
    "alerts.setRules": {
      gate: "admin",
      input: () => ({
        campaignId: "no-such-campaign",
        silentMinutes: 60,
        paceBehind: true,
        screenDarkMinutes: 15,
        onHoursStart: 420,
        onHoursEnd: 1080,
      }),
    },
    "subscriptions.list": { gate: "subscribe", input: () => undefined },
    "subscriptions.create": {
      gate: "subscribe",
      targets: ALL,
      input: (t) => ({
        scope: SCOPES[t],
        cadence: "daily",
        time: "07:00",
        lang: "vi",
        addresses: ["lanh.dao@xa.test"],
      }),
    },
    // An id that is no one's: past the gate, the answer is "not found", not a refusal.
    "subscriptions.remove": { gate: "subscribe", input: () => ({ id: randomUUID() }) },
    "review.held": { gate: "review", targets: ALL, input: (t) => ({ scope: SCOPES[t] }) },
    // The report is not held: past the gate, the answer is a conflict, not a refusal.
    "review.decide": {
      gate: "review",
      targets: COMMUNES,
      input: (t) => ({ reportId: fixture.reportIds[t], decision: "reject" }),
    },
  };
}

function expected(name: PrincipalName, gate: Case["gate"], target: Target | undefined): boolean {
  if (gate === "public") return true;
  if (gate === "signedIn") return name !== "anonymous" && name !== "pairingScreen";
  const reach: Target[] = (REACH[name] as Partial<Record<Action, Target[]>>)[gate] ?? [];
  return target === undefined ? reach.length > 0 : reach.includes(target);
}

type Procedure = (input: unknown) => Promise<unknown>;

/** The gate's answer: refused with UNAUTHORIZED/FORBIDDEN, or let through (whatever came after). */
async function outcome(call: () => Promise<unknown>): Promise<"allowed" | "UNAUTHORIZED" | "FORBIDDEN"> {
  try {
    await call();
    return "allowed";
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) return error.code;
    return "allowed";
  }
}

describe(`every procedure checks scope, for every role, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let callers: Awaited<ReturnType<typeof testCallers>>;
  const principals = {} as Record<PrincipalName, Principal>;
  const fixture = { reportIds: {} as Record<Target, number>, tokenIds: {} as Record<Target, string> };

  beforeAll(async () => {
    handle = await seededDatabase();
    callers = await testCallers(handle.db);
    const user = (name: string, role: Role, scope: Scope) => testUser(handle.db, name, role, scope);
    Object.assign(principals, {
      anonymous: { kind: "anonymous" },
      pairingScreen: { kind: "pairing", tokenId: randomUUID(), code: "ABCDEF", expiresAt: TEST_NOW },
      admin: await user("admin", "admin", SCOPES.nation),
      provinceUserA: await user("hanoi", "province", SCOPES.provinceA),
      communeUserA: await user("cuanam", "commune", SCOPES.communeA),
      reporterA: await user("reporter", "reporter", SCOPES.communeA),
      viewerA: await user("viewer", "viewer", SCOPES.provinceA),
      nationViewer: await user("nationviewer", "viewer", SCOPES.nation),
      kioskA: { kind: "kiosk", tokenId: randomUUID(), name: "TV Hà Nội", scope: SCOPES.provinceA },
      kioskCommuneA: { kind: "kiosk", tokenId: randomUUID(), name: "TV Cửa Nam", scope: SCOPES.communeA },
    } satisfies Record<PrincipalName, Principal>);
    const system = callers.callerAs(SYSTEM);
    for (const target of COMMUNES) {
      const receipt = await system.reports.submit(countsReport({ communeCode: communeOf(target) }));
      fixture.reportIds[target] = receipt.reportId;
    }
    const admin = principals.admin as Extract<Principal, { kind: "user" }>;
    for (const target of ALL) {
      const id = randomUUID();
      await createKioskToken(handle.db, {
        id,
        tokenHash: `test-${id}`,
        name: `TV ${target}`,
        scope: SCOPES[target],
        createdBy: admin.userId,
      });
      fixture.tokenIds[target] = id;
    }
  });
  afterAll(() => handle.close());

  it("has a case for every procedure the router holds", () => {
    const paths = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(cases(fixture)).sort()).toEqual(paths);
  });

  for (const name of Object.keys(REACH) as PrincipalName[]) {
    it(`lets ${name} reach only its own scope, and only with what its role may do`, async () => {
      const table = cases(fixture);
      const mismatches: string[] = [];
      for (const [path, spec] of Object.entries(table)) {
        const caller = callers.callerAs(principals[name]);
        const procedure = path
          .split(".")
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
        for (const target of spec.targets ?? [undefined]) {
          const got = await outcome(() => (procedure as Procedure)(spec.input(target ?? "nation")));
          const want = expected(name, spec.gate, target);
          const refusedAs = name === "anonymous" || name === "pairingScreen" ? "UNAUTHORIZED" : "FORBIDDEN";
          if (want ? got !== "allowed" : got !== refusedAs)
            mismatches.push(`${path}(${target ?? "-"}): expected ${want ? "allowed" : refusedAs}, got ${got}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it("lists only the kiosk tokens and campaigns within the asker's scope", async () => {
    const tokens = await callers.callerAs(principals.provinceUserA).kiosk.list();
    const names = tokens.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["TV provinceA", "TV communeA", "TV communeA2"]));
    expect(names).not.toEqual(expect.arrayContaining(["TV provinceB"]));
    expect(names.some((n) => n === "TV communeB" || n === "TV nation")).toBe(false);
    // The screens per province: its own only, counting its province's and communes' screens in use.
    const fleet = await callers.callerAs(principals.provinceUserA).kiosk.fleet();
    const inUse = tokens.filter((t) => t.status === "active").length;
    expect(fleet.map(({ province, screens }) => [province.code, screens])).toEqual([["01", inUse]]);

    const campaigns = await callers.callerAs(principals.provinceUserA).progress.campaigns();
    expect(campaigns.map((c) => c.scopeKind)).toContain("nation");
    // Nam Cường's campaign belongs to another province.
    expect(campaigns.some((c) => c.id === "nam-cuong-2025")).toBe(false);
  });

  it("tells a signed-out person and a waiting screen who they are, and nothing more", async () => {
    expect(await callers.callerAs({ kind: "anonymous", refused: "revoked" }).auth.me()).toEqual({
      kind: "anonymous",
      refused: "revoked",
    });
    expect(await callers.callerAs(principals.pairingScreen).auth.me()).toMatchObject({
      kind: "pairing",
      code: "ABCDEF",
    });
    expect(await callers.callerAs(principals.kioskA).auth.me()).toEqual({
      kind: "kiosk",
      name: "TV Hà Nội",
      scope: SCOPES.provinceA,
      scopeName: { vi: "Thành phố Hà Nội", en: "Hanoi City" },
    });
  });
});
