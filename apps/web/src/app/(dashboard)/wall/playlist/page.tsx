import { getTranslations } from "next-intl/server";
import { requireViewer } from "../../../../server/api";
import { Playlist } from "../_components/playlist";
import { playlistParams, viewText } from "../playlist-views";
import { refusedViews } from "../wall-access";

/**
 * Rotates through walls: `?views=commune:00082,villages:00082,province:01&every=20&on=07:00&off=18:00`.
 * A wrong address says which parameter is wrong, in the screen's language.
 */
export default async function PlaylistPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = new URLSearchParams(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  );
  await requireViewer(`/wall/playlist?${query.toString()}`);
  const t = await getTranslations("wall");
  const parsed = playlistParams.safeParse(Object.fromEntries(query));
  const problems = parsed.success
    ? (await refusedViews(parsed.data.views)).map(({ view, refusal }) =>
        t(refusal === "outside" ? "viewOutside" : "viewUnknown", {
          view: viewText(view),
        }),
      )
    : parsed.error.issues.map((issue) => {
        const field = issue.path[0]?.toString() ?? "views";
        return issue.code === "custom" ? `${field} (${issue.message})` : field;
      });
  if (!parsed.success || problems.length > 0)
    return (
      <div
        className="grid h-screen w-screen place-items-center bg-[#0b1220] p-[4em] text-slate-100"
        style={{ fontSize: "min(1vw, 1.78vh)" }}
      >
        <div role="alert" className="max-w-[80em] space-y-[1em] text-[2em]">
          <p className="font-bold">{t("playlistInvalid", { reason: problems.join("; ") })}</p>
          <p className="text-slate-400">{t("playlistHelp")}</p>
        </div>
      </div>
    );
  return <Playlist {...parsed.data} />;
}
