import { communeCode, provinceCode } from "@pulse/schema";
import { z } from "zod";
import type { UnitView } from "../../../server/unit-access";

/** One screen of a playlist: a commune's wall, its villages, a province's wall, or the nation's. */
export type PlaylistView = UnitView;

const view = z.string().transform((text, ctx): PlaylistView => {
  const [kind, code = ""] = text.split(":");
  const parsed =
    kind === "nation" && code === ""
      ? { kind }
      : kind === "province" && provinceCode.safeParse(code).success
        ? { kind, code }
        : (kind === "commune" || kind === "villages") && communeCode.safeParse(code).success
          ? { kind, code }
          : null;
  if (!parsed) ctx.addIssue({ code: "custom", message: text });
  return (parsed ?? { kind: "nation" }) as PlaylistView;
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** The playlist's address: `views` (comma-separated), `every` seconds, optional `on`/`off` hours. */
export const playlistParams = z
  .object({
    views: z
      .string()
      .transform((s) => s.split(",").filter(Boolean))
      .pipe(z.array(view).min(1).max(20)),
    every: z.coerce.number().int().min(3).max(3600).default(20),
    on: hhmm.optional(),
    off: hhmm.optional(),
  })
  .refine((p) => (p.on === undefined) === (p.off === undefined), { path: ["off"], message: "on/off" });

export type PlaylistParams = z.infer<typeof playlistParams>;

/** A view as the address writes it: "nation", "province:01", "villages:00082". */
export const viewText = (v: PlaylistView): string => (v.kind === "nation" ? "nation" : `${v.kind}:${v.code}`);

export function viewPath(v: PlaylistView): string {
  return v.kind === "nation"
    ? "/wall/nation"
    : v.kind === "villages"
      ? `/wall/commune/${v.code}/villages`
      : `/wall/${v.kind}/${v.code}`;
}

/** Whether HH:MM (Vietnam time) falls within on–off; a window may cross midnight. */
export function withinHours(now: string, on: string, off: string): boolean {
  return on <= off ? now >= on && now < off : now >= on || now < off;
}
