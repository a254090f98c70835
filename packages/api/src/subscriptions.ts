/**
 * What subscription procedures ask of the server's job queue. The server queues the work in
 * Postgres; tests pass a recorder.
 */
export interface DeliveryRequests {
  /** send each new address its confirmation link */
  confirmAddresses(recipientIds: string[]): Promise<void>;
}

export const NO_DELIVERIES: DeliveryRequests = { confirmAddresses: async () => undefined };
