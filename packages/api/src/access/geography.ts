import type { Database } from "@pulse/db/client";
import { loadUnitIndex } from "@pulse/db/queries";
import type { ProvinceOf } from "./rules";

/** The commune → province lookup scope checks use; the geography is static once seeded. */
export async function loadProvinceOf(db: Database): Promise<ProvinceOf> {
  const { communes } = await loadUnitIndex(db);
  return (communeCode) => communes.get(communeCode);
}
