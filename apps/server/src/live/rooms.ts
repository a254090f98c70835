import type { Room } from "@pulse/schema";

/** Every room a commune's change is seen in: the commune, its province, the nation. */
export function roomsOf(communeCode: string, provinceCode: string): Room[] {
  return [`commune:${communeCode}`, `province:${provinceCode}`, "nation"];
}

const ROOM_PATTERN = /^(commune:\d{5}|province:\d{2}|nation)$/;

export function isRoom(value: unknown): value is Room {
  return typeof value === "string" && ROOM_PATTERN.test(value);
}
