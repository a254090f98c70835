import { redirect } from "next/navigation";
import { getViewer } from "../../../server/api";
import { PairingScreen } from "./_components/pairing-screen";

/**
 * A TV opens this once: it shows a code to type on a signed-in device, and moves to the
 * dashboard by itself when paired. A screen whose token was revoked or expired lands here too.
 */
export default async function PairPage() {
  const viewer = await getViewer("/pair");
  if (viewer.kind === "kiosk") redirect("/");
  return (
    <PairingScreen
      refused={viewer.kind === "anonymous" ? viewer.refused : null}
      waiting={viewer.kind === "pairing" ? { code: viewer.code, expiresAt: viewer.expiresAt.toISOString() } : null}
    />
  );
}
