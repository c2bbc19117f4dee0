import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirect";

describe("the sign-in callback stays on the console", () => {
  it.each([
    "/%5Cevil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "//evil.example",
    "///evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,x",
    " //evil.example",
    "/\n/evil.example",
  ])("refuses %j", (raw) => {
    const decoded = (() => {
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    })();
    for (const candidate of [raw, decoded]) {
      const path = safeCallbackPath(candidate);
      expect(path.startsWith("/")).toBe(true);
      expect(new URL(path, "https://console.example").origin).toBe("https://console.example");
    }
  });

  it("keeps the console's own paths with their query and hash", () => {
    expect(safeCallbackPath("/complaints?tab=mine#x")).toBe("/complaints?tab=mine#x");
    expect(safeCallbackPath("/statistics/import")).toBe("/statistics/import");
    expect(safeCallbackPath(undefined)).toBe("/");
  });
});
