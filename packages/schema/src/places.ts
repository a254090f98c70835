import { z } from "zod";
import { communeCode, provinceCode } from "./codes";

export { PLACES_PATH, type CommunePlaces, type ProvincePlaces } from "./places-shape";

/** `?commune=00082` (its villages and figures) or `?province=01` (its communes): exactly one of the two. */
export const placesQuery = z
  .object({ commune: communeCode.optional(), province: provinceCode.optional() })
  .strict()
  .refine((q) => (q.commune === undefined) !== (q.province === undefined), {
    path: ["commune"],
    params: { rule: "communeOrProvince" },
  });
export type PlacesQuery = z.infer<typeof placesQuery>;
