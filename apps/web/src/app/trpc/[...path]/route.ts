import { env } from "../../../env";

/**
 * The browser calls tRPC on its own origin; this forwards to the API server, read at run time
 * (a rewrite in next.config would be frozen at build time).
 */
async function forward(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const target = `${env.PULSE_API_URL}${url.pathname}${url.search}`;
  const headers = new Headers();
  for (const name of ["content-type", "cookie", "accept", "trpc-accept"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const upstream = await fetch(target, {
    method: request.method,
    headers,
    body: request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer(),
  });
  const responseHeaders = new Headers();
  for (const name of ["content-type", "set-cookie", "retry-after", "cache-control"]) {
    const value = upstream.headers.get(name);
    if (value) responseHeaders.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}

export const GET = forward;
export const POST = forward;
export const dynamic = "force-dynamic";
