import { getTranslations } from "next-intl/server";
import { LiveNotificationsBell } from "../../_components/live-notifications-bell";
import { SignedInPage } from "../../_components/signed-in-page";
import { AlertEmailForm } from "./_components/alert-email-form";
import { SubscriptionForm } from "./_components/subscription-form";
import { SubscriptionList } from "./_components/subscription-list";

/** Reports by email: subscribe addresses to a unit's daily or weekly report, see what was sent; and how the user gets alerts by email. */
export default async function SubscriptionsPage() {
  const t = await getTranslations();
  return (
    <SignedInPage
      notifications={<LiveNotificationsBell />}
      path="/subscriptions"
      title={t("subscriptions.title")}
      may={(viewer) => viewer.kind === "user"}
      refused={t("account.notAllowed")}
    >
      {(viewer) => (
        <>
          <p className="mb-6 max-w-3xl text-slate-700">{t("subscriptions.intro")}</p>
          <div className="grid gap-6 lg:grid-cols-[24rem_1fr]">
            <div className="space-y-6">
              <SubscriptionForm scope={viewer.scope} />
              <AlertEmailForm />
            </div>
            <SubscriptionList />
          </div>
        </>
      )}
    </SignedInPage>
  );
}
