import { describe, expect, it } from "vitest";
import { servedOverHttps } from "./security-headers";

describe("HTTPS detection for HSTS", () => {
  it("trusts the public URL's scheme", () => {
    expect(servedOverHttps(undefined, "https://yibao.example.gov.cn", false)).toBe(true);
    expect(servedOverHttps(undefined, "http://localhost:3000", false)).toBe(false);
  });
  it("believes X-Forwarded-Proto only behind a trusted balancer", () => {
    expect(servedOverHttps("https", undefined, true)).toBe(true);
    expect(servedOverHttps("https, http", "http://x", true)).toBe(true);
    expect(servedOverHttps("https", undefined, false)).toBe(false);
    expect(servedOverHttps("http", undefined, true)).toBe(false);
  });
});
