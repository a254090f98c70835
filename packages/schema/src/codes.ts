import { z } from "zod";

/** Official codes after the July 2025 reform: 2-digit province, 5-digit commune. */
export const provinceCode = z.string().regex(/^\d{2}$/);
export const communeCode = z.string().regex(/^\d{5}$/);
/** Villages and residential groups are numbered within their commune: "<commune>-<nnn>". */
export const villageCode = z.string().regex(/^\d{5}-\d{3}$/);

export type ProvinceCode = z.infer<typeof provinceCode>;
export type CommuneCode = z.infer<typeof communeCode>;
export type VillageCode = z.infer<typeof villageCode>;

export const unitKind = z.enum(["xa", "phuong", "dac_khu"]);
export type UnitKind = z.infer<typeof unitKind>;

export const scope = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("nation") }),
  z.object({ kind: z.literal("province"), code: provinceCode }),
  z.object({ kind: z.literal("commune"), code: communeCode }),
]);
export type Scope = z.infer<typeof scope>;
