import type { ReactNode } from "react";
import { env } from "../../../env";
import { LiveProvider } from "../../../live/live-provider";

/** Every wall follows the live hub, and says what it shows (the screens' health list). */
export default function WallLayout({ children }: { children: ReactNode }) {
  return (
    <LiveProvider url={env.PULSE_LIVE_URL ?? null} port={env.PULSE_LIVE_PORT} reportsScreen>
      {children}
    </LiveProvider>
  );
}
