/**
 * Pushes carry what changed, not whole states. A state here is a unit's progress (a commune, a
 * province) or a room's total: a plain record with a `version` that grows with every change, the
 * same in every server process. Its delta says which version it was taken against (`base`) and
 * holds every field that differs since, with its new value (nested records: only their changed
 * fields); `base: null` means the delta is the whole state.
 */
export interface Versioned {
  version: number;
}

export type StateDelta = { base: number | null; version: number } & Record<string, unknown>;

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function changedFields(before: Fields, after: Fields): Fields {
  const changed: Fields = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (sameValue(old, value)) continue;
    changed[key] = isRecord(old) && isRecord(value) ? changedFields(old, value) : value;
  }
  return changed;
}

function withChanges(held: Fields, changes: Fields): Fields {
  const next: Fields = { ...held };
  for (const [key, value] of Object.entries(changes)) {
    const old = held[key];
    next[key] = isRecord(old) && isRecord(value) ? withChanges(old, value) : value;
  }
  return next;
}

/**
 * What changed from `before` (the state last pushed, if any) to `after`; `keep` names fields a
 * delta always carries (a unit's code, so the client knows which unit it is).
 */
export function deltaOf<T extends Versioned>(
  before: T | undefined,
  after: T,
  keep: readonly (keyof T)[] = [],
): StateDelta {
  if (!before) return { ...(after as unknown as Fields), base: null, version: after.version };
  const kept = Object.fromEntries(keep.map((key) => [key, after[key]]));
  return {
    ...kept,
    ...changedFields(before as unknown as Fields, after as unknown as Fields),
    base: before.version,
    version: after.version,
  };
}

/**
 * `held` with the delta applied. Held at or past the delta's version: unchanged. Held older than
 * the delta's base: `"behind"` — the screen missed a push and must fetch a snapshot, never apply
 * a delta to the wrong base. (Held between base and version — a snapshot read between two
 * pushes, or a push from another process — the delta holds every field changed since base, so
 * applying it brings the state up to its version.)
 */
export function applyDelta<T extends Versioned>(held: T | undefined, delta: StateDelta): T | "behind" {
  if (held && held.version >= delta.version) return held;
  const { base, ...changes } = delta;
  if (base === null) return { ...(held as unknown as Fields | undefined), ...changes } as unknown as T;
  if (!held || held.version < base) return "behind";
  return withChanges(held as unknown as Fields, changes) as unknown as T;
}

/** A view's units (by `code`) with a push's unit deltas applied, in their order; `behind` if one could not be. */
export function applyUnitDeltas<T extends Versioned & { code: string }>(
  units: T[],
  deltas: StateDelta[],
): { units: T[]; behind: boolean } {
  const byCode = new Map(deltas.map((d) => [d.code, d]));
  let behind = false;
  const next = units.map((unit) => {
    const delta = byCode.get(unit.code);
    if (!delta) return unit;
    const applied = applyDelta(unit, delta);
    if (applied !== "behind") return applied;
    behind = true;
    return unit;
  });
  return { units: next, behind };
}
