import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import { KIOSK_TOKEN_PREFIX, PAIRING_ALPHABET, PAIRING_CODE_LENGTH } from "@pulse/schema";

/** A new kiosk secret and what is stored of it (SHA-256: the secret has 256 random bits). */
export function newKioskSecret(): { id: string; secret: string; tokenHash: string } {
  const secret = `${KIOSK_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { id: randomUUID(), secret, tokenHash: hashKioskSecret(secret) };
}

export function hashKioskSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** "K7P4QX": what a waiting TV shows and a user types. */
export function newPairingCode(): string {
  return Array.from({ length: PAIRING_CODE_LENGTH }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]).join(
    "",
  );
}
