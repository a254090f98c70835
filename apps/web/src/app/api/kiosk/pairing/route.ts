import { KIOSK_COOKIE } from "@pulse/schema";
import { NextResponse } from "next/server";
import { serverApi } from "../../../../server/api";

/**
 * A TV asks to be paired: the API makes a waiting token and a code; the token goes into an
 * httpOnly cookie (the TV's page never sees it), the code to the page to show.
 */
export async function POST(request: Request) {
  try {
    const { secret, code, expiresAt } = await (await serverApi()).kiosk.startPairing.mutate();
    const response = NextResponse.json({ code, expiresAt });
    response.cookies.set(KIOSK_COOKIE, secret, {
      httpOnly: true,
      sameSite: "lax",
      secure: new URL(request.url).protocol === "https:",
      path: "/",
      maxAge: 400 * 24 * 3600,
    });
    return response;
  } catch (error) {
    const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus ?? 502;
    return NextResponse.json({ error: String(error) }, { status });
  }
}

export const dynamic = "force-dynamic";
