import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-id";

describe("requestIdFrom", () => {
  it("keeps a plausible id from the caller or the balancer", () => {
    expect(requestIdFrom("3f0c9a1e-5b7d-4c1a-9e2f-0a1b2c3d4e5f")).toBe("3f0c9a1e-5b7d-4c1a-9e2f-0a1b2c3d4e5f");
    expect(requestIdFrom(["nginx.0a1b2c3d", "other"])).toBe("nginx.0a1b2c3d");
  });

  it("replaces a missing, short, long or hostile one with a new UUID", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const bad of [
      null,
      undefined,
      "",
      "abc",
      "x".repeat(65),
      "id with spaces",
      "id\r\nSet-Cookie: a=b",
      "<script>",
    ]) {
      expect(requestIdFrom(bad)).toMatch(uuid);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});
