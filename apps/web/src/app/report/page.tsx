import { FIELD_ROLES } from "@pulse/schema";
import { getTranslations } from "next-intl/server";
import { SignedInPage } from "../_components/signed-in-page";
import { FieldReport } from "./_components/field-report";
import { FieldServiceWorker } from "./_components/field-service-worker";

/** The field reporting page: a phone in a village, often offline; reports wait on the phone until sent. */
export default async function ReportPage() {
  const t = await getTranslations("field");
  return (
    <SignedInPage
      path="/report"
      title={t("title")}
      may={(viewer) => viewer.kind === "user" && FIELD_ROLES.includes(viewer.role)}
      refused={t("notAllowed")}
    >
      {(viewer) => (
        <>
          <FieldServiceWorker />
          <FieldReport scope={viewer.scope} />
        </>
      )}
    </SignedInPage>
  );
}
