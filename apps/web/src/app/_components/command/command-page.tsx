import { KIOSK_MANAGER_ROLES, REVIEWER_ROLES, type Scope } from "@pulse/schema";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { env } from "../../../env";
import { LiveProvider } from "../../../live/live-provider";
import { requireViewer } from "../../../server/api";
import { refusalOf, scopePath, type UnitView } from "../../../server/unit-access";
import { AccountBar } from "../account-bar";
import { NotificationsBell } from "../notifications-bell";
import { FleetByProvince } from "../screen-fleet";
import { HeldReports } from "./held-reports";
import { LanguageLink } from "./language-link";

/** The scope whose held reports a page shows: a commune's villages page is its commune's. */
const reviewScope = (view: UnitView): Scope =>
  view.kind === "nation" ? view : { kind: view.kind === "province" ? "province" : "commune", code: view.code };

/**
 * A command page: signed in (a person; a paired screen goes to its wall), and a unit within the
 * viewer's scope — outside it, the viewer's own page with a clear message; unknown code, 404.
 */
export async function CommandPage({
  path,
  view,
  refused,
  children,
}: {
  path: string;
  view: UnitView;
  refused: boolean;
  children: ReactNode;
}) {
  const viewer = await requireViewer(path);
  if (viewer.kind === "kiosk") redirect(scopePath(viewer.scope, "/wall"));
  const refusal = await refusalOf(view);
  if (refusal === "outside") redirect(`${scopePath(viewer.scope, "")}?refused=outside`);
  if (refusal === "unknown") notFound();
  const t = await getTranslations();
  return (
    <LiveProvider url={env.PULSE_LIVE_URL ?? null} port={env.PULSE_LIVE_PORT}>
      <main className="mx-auto max-w-[100rem] space-y-4 px-6 py-5">
        <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 pb-3">
          <p className="mr-auto font-semibold text-slate-700">{t("app.heading")}</p>
          <AccountBar viewer={viewer} notifications={<NotificationsBell />} />
          <LanguageLink />
        </header>
        {refused && (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            {t("command.refusedOutside")}
          </p>
        )}
        {viewer.kind === "user" && REVIEWER_ROLES.includes(viewer.role) && <HeldReports scope={reviewScope(view)} />}
        {/* Filters live in the URL (nuqs); figures follow the live hub. */}
        <NuqsAdapter>{children}</NuqsAdapter>
        {/* The nation page counts dark wall screens per province, for those who look after screens. */}
        {view.kind === "nation" && viewer.kind === "user" && KIOSK_MANAGER_ROLES.includes(viewer.role) && (
          <FleetByProvince />
        )}
      </main>
    </LiveProvider>
  );
}
