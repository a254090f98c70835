import { listScopeVillages, type TemplateVillage } from "@pulse/db/queries";
import { assertAllowed } from "../access/gate";
import type { IngestContext } from "./service";

/** The villages an importer's template lists: every one in the scope it may write (the server's own: all). */
export async function importTemplateVillages(ctx: IngestContext): Promise<TemplateVillage[]> {
  await assertAllowed(ctx, "write", []);
  // the gate lets only users and the server itself write
  const scope = ctx.principal.kind === "user" ? ctx.principal.scope : { kind: "nation" as const };
  return listScopeVillages(ctx.db, scope);
}
