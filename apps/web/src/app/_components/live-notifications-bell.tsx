import { env } from "../../env";
import { LiveProvider } from "../../live/live-provider";
import { NotificationsBell } from "./notifications-bell";

/** The alerts button with a socket of its own, for back-office pages that show no live figures. */
export function LiveNotificationsBell() {
  return (
    <LiveProvider url={env.PULSE_LIVE_URL ?? null} port={env.PULSE_LIVE_PORT}>
      <NotificationsBell />
    </LiveProvider>
  );
}
