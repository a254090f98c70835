import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIpOf } from "./resolve-principal";

const request = (peer: string, forwarded?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwarded ? { "x-forwarded-for": forwarded } : {},
  }) as unknown as IncomingMessage;

describe("the client's address, as rate limits count it", () => {
  it("believes the last forwarded address from our own web app on this machine only", () => {
    expect(clientIpOf(request("127.0.0.1", "203.0.113.9, 198.51.100.4"))).toBe("198.51.100.4");
    expect(clientIpOf(request("172.18.0.5", "198.51.100.4"))).toBe("172.18.0.5");
    expect(clientIpOf(request("172.18.0.5"))).toBe("172.18.0.5");
  });
  it("believes it from any peer behind a reverse proxy (TRUST_PROXY), where the proxy is the only way in", () => {
    expect(clientIpOf(request("172.18.0.5", "198.51.100.4"), true)).toBe("198.51.100.4");
    expect(clientIpOf(request("172.18.0.5"), true)).toBe("172.18.0.5");
  });
});
