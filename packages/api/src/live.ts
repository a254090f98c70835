import type { CommittedReport } from "@pulse/db/ledger";

/**
 * What procedures may tell the live hub. The server implements it over socket.io; tests pass
 * a recorder. Procedures call it only after the transaction committed.
 */
export interface LivePublisher {
  reportCommitted(report: CommittedReport): void;
  /** a kiosk token was revoked: the screens using it are cut off at once */
  kioskRevoked(tokenId: string): void;
}
