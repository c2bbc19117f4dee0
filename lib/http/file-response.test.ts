import { describe, expect, it } from "vitest";
import { fileResponse } from "./file-response";

describe("fileResponse", () => {
  it("answers the file as a named, uncached attachment", async () => {
    const r = fileResponse({
      filename: "x-20261206.csv",
      contentType: "text/csv; charset=utf-8",
      body: new TextEncoder().encode("a,b\r\n"),
    });
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="x-20261206.csv"');
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await r.text()).toBe("a,b\r\n");
  });
});
