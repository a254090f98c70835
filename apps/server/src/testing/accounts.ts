import type { DatabaseHandle } from "@pulse/db/client";
import type { Account } from "@pulse/schema";
import { createAuth } from "../auth/auth";
import { createUser } from "../auth/users";
import { TEST_AUTH_SECRET, TEST_WEB_ORIGIN } from "./test-app";

/** Creates an account in a database another process will serve; returns its password. */
export async function createAccountIn(open: () => Promise<DatabaseHandle>, account: Account): Promise<string> {
  const handle = await open();
  try {
    const auth = createAuth(handle.db, { secret: TEST_AUTH_SECRET, webOrigin: TEST_WEB_ORIGIN });
    return (await createUser(auth, handle.db, account, "test")).password;
  } finally {
    await handle.close();
  }
}
