import { KIOSK_MANAGER_ROLES } from "@pulse/schema";
import { getTranslations } from "next-intl/server";
import { LiveNotificationsBell } from "../../_components/live-notifications-bell";
import { SignedInPage } from "../../_components/signed-in-page";
import { KioskManager } from "./_components/kiosk-manager";

/** Province and commune users pair TVs, hand out tokens, see when screens last connected, revoke. */
export default async function KioskPage() {
  const t = await getTranslations();
  return (
    <SignedInPage
      notifications={<LiveNotificationsBell />}
      path="/kiosk"
      title={t("kiosk.title")}
      may={(viewer) => viewer.kind === "user" && KIOSK_MANAGER_ROLES.includes(viewer.role)}
      refused={t("account.notAllowed")}
    >
      {(viewer) => (
        <>
          <p className="mb-6 max-w-3xl text-slate-700">{t("kiosk.intro")}</p>
          <KioskManager scope={viewer.scope} />
        </>
      )}
    </SignedInPage>
  );
}
