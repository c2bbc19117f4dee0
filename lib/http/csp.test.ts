import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, createNonce, pageContentSecurityPolicy } from "./csp";
import { API_SECURITY_HEADERS } from "./security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split("; ").map((d) => {
      const [name = "", ...sources] = d.split(" ");
      return [name, sources];
    }),
  );
}

describe("page Content-Security-Policy", () => {
  const policy = directives(pageContentSecurityPolicy("abc123=="));

  it("runs only scripts carrying the nonce and what they load, never inline or eval", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });
  it("admits style elements by nonce and style attributes (MUI, recharts)", () => {
    expect(policy.get("style-src-elem")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("style-src")).not.toContain("'unsafe-inline'");
  });
  it("is never framed, posts and bases only to itself, loads no plugins", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });
  it("allows eval only in development", () => {
    expect(directives(pageContentSecurityPolicy("n", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy("n")).not.toContain("unsafe-eval");
  });
});

describe("API Content-Security-Policy", () => {
  it("allows nothing and is carried by the fast path's headers", () => {
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(API_SECURITY_HEADERS).toContainEqual({ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY });
  });
});

describe("nonce", () => {
  it("is 128 random bits in base64, fresh every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
