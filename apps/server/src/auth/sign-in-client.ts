/**
 * Signs in to a running server as a script does (no browser): returns the bearer token to send
 * as `Authorization: Bearer …`. Used by `npm run import` and the tests.
 */
export async function signInForToken(apiUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const token = response.headers.get("set-auth-token");
  if (!response.ok || !token) {
    const body = await response.text();
    throw new Error(`sign-in refused (${response.status}): ${body}`);
  }
  return token;
}
