import { textIn } from "@pulse/messages/names";
import type { Role } from "@pulse/schema";
import { FIELD_ROLES, KIOSK_MANAGER_ROLES, WRITER_ROLES } from "@pulse/schema";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { SignedInViewer } from "../../server/api";
import { SignOutButton } from "./sign-out-button";

/**
 * Who is signed in, over what, and where they may go from here. Plain links: each leads to another
 * section with its own layout, and the field page (over a weak link) carries no client router links.
 */
export async function AccountBar({
  viewer,
  notifications,
}: {
  viewer: SignedInViewer;
  /** the alerts button, from pages with tRPC and a socket (the field page, over a weak link, goes without) */
  notifications?: ReactNode;
}) {
  const t = await getTranslations("account");
  const tImport = await getTranslations("import");
  const tField = await getTranslations("field");
  const locale = await getLocale();
  const scopeName = viewer.scopeName ? textIn(viewer.scopeName, locale) : t("scopeNation");
  if (viewer.kind === "kiosk") {
    return <p className="text-sm text-slate-600">{t("screen", { name: viewer.name })}</p>;
  }
  const role: Role = viewer.role;
  return (
    <nav aria-label={t("signedInAs", { name: viewer.name })} className="flex flex-wrap items-center gap-3 text-sm">
      <span className="text-slate-700">
        {t("signedInAs", { name: viewer.name })} · {t(`roles.${role}`)} · {scopeName}
      </span>
      {FIELD_ROLES.includes(role) && (
        <a className="text-sky-800 underline" href="/report">
          {tField("openReport")}
        </a>
      )}
      {WRITER_ROLES.includes(role) && (
        <a className="text-sky-800 underline" href="/import">
          {tImport("link")}
        </a>
      )}
      {KIOSK_MANAGER_ROLES.includes(role) && (
        <a className="text-sky-800 underline" href="/kiosk">
          {t("screens")}
        </a>
      )}
      {notifications}
      <a className="text-sky-800 underline" href="/subscriptions">
        {t("subscriptions")}
      </a>
      <SignOutButton label={t("signOut")} />
    </nav>
  );
}
