import { createHmac, timingSafeEqual } from "node:crypto";
import { SUBSCRIPTION_PATHS } from "@pulse/schema";

export type LinkPurpose = "confirm" | "unsubscribe";

/**
 * The links of a subscription's messages, signed with the server's secret: a link opens only
 * its own address's confirmation or unsubscription, and nothing is stored to check it.
 */
export function createRecipientLinks(secret: string, webOrigin: string) {
  const sign = (purpose: LinkPurpose, recipientId: string, email: string) =>
    createHmac("sha256", secret).update(`${purpose}\n${recipientId}\n${email}`).digest("base64url");
  return {
    url(purpose: LinkPurpose, recipient: { id: string; email: string }): string {
      const params = new URLSearchParams({ r: recipient.id, t: sign(purpose, recipient.id, recipient.email) });
      return `${webOrigin}${SUBSCRIPTION_PATHS[purpose]}?${params}`;
    },
    verify(purpose: LinkPurpose, recipient: { id: string; email: string }, signature: string): boolean {
      const expected = Buffer.from(sign(purpose, recipient.id, recipient.email));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
export type RecipientLinks = ReturnType<typeof createRecipientLinks>;
