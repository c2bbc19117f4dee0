import { describe, expect, it } from "vitest";
import {
  first,
  hiddenColumns,
  jurisdiction,
  keepOnly,
  NATIONAL,
  nextQuery,
  pickParams,
  readPage,
  sortHref,
  withQuery,
  zeroBasedPage,
} from "./url-query";

describe("URL state (pure)", () => {
  it("sets and removes keys, and goes back to page 1 on a filter change", () => {
    expect(nextQuery("q=a&page=3&status=ACTIVE", { q: "b", status: "" })).toBe("q=b");
    expect(nextQuery("q=a&page=3", { q: "  " })).toBe("");
  });

  it("keeps the page when asked, or when the page itself is set", () => {
    expect(nextQuery("q=a&page=3", { pageSize: 50 }, { resetPage: false })).toBe("q=a&page=3&pageSize=50");
    expect(nextQuery("q=a&page=3", { page: 4 })).toBe("q=a&page=4");
    expect(nextQuery("q=a&page=1", { page: null })).toBe("q=a");
  });

  it("resets only its own page key for a second list", () => {
    expect(nextQuery("page=2&cpage=5", { state: "APPROVED" }, { pageKey: "cpage" })).toBe("page=2&state=APPROVED");
  });

  it("serialises what it parses (round trip)", () => {
    const q = nextQuery("", { q: "北京 协和", region: "11", page: 2 });
    const sp = Object.fromEntries(new URLSearchParams(q));
    expect(pickParams(sp, ["q", "region", "page", "absent"])).toEqual({ q: "北京 协和", region: "11", page: "2" });
    expect(readPage(sp)).toBe(2);
  });

  it("reads a page number only when it is a positive whole number", () => {
    expect(readPage({ page: "0" })).toBe(1);
    expect(readPage({ page: "2.5" })).toBe(1);
    expect(readPage({ page: "abc" })).toBe(1);
    expect(readPage({ page: ["7", "8"] })).toBe(7);
    expect(readPage({}, "cpage", 3)).toBe(3);
  });

  it("clamps the page MUI shows to the pages that exist", () => {
    expect(zeroBasedPage(1, 0, 20)).toBe(0);
    expect(zeroBasedPage(3, 45, 20)).toBe(2);
    expect(zeroBasedPage(9, 45, 20)).toBe(2);
  });

  it("trims values and treats blank as absent", () => {
    expect(first({ a: "  x " }, "a")).toBe("x");
    expect(first({ a: "  " }, "a")).toBeUndefined();
  });

  it("keeps only the named keys, and builds the link", () => {
    expect(keepOnly("a=1&b=2&c=3", ["c", "a"])).toBe("c=3&a=1");
    expect(withQuery("/x", "")).toBe("/x");
    expect(withQuery("/x", "a=1")).toBe("/x?a=1");
  });

  it("flips the order of the sorted column and starts another ascending, on page 1", () => {
    const state = {
      by: "name",
      order: "asc" as const,
      query: { q: "x", sort: "name", page: "4" },
      pathname: "/facilities",
    };
    expect(sortHref(state, "name")).toBe("/facilities?q=x&sort=-name");
    expect(sortHref({ ...state, order: "desc" }, "name")).toBe("/facilities?q=x&sort=name");
    expect(sortHref(state, "code")).toBe("/facilities?q=x&sort=code");
  });

  it("lists hidden columns", () => {
    expect(hiddenColumns(undefined)).toEqual([]);
    expect(hiddenColumns("ip, region,")).toEqual(["ip", "region"]);
  });
});

describe("jurisdiction", () => {
  it("opens on the user's own region, widens with ?region=all, keeps a chosen region", () => {
    expect(jurisdiction(undefined, "130000")).toEqual({ region: "130000", national: false, isOwn: true });
    expect(jurisdiction(NATIONAL, "130000")).toEqual({ region: undefined, national: true, isOwn: false });
    expect(jurisdiction("131000", "130000")).toEqual({ region: "131000", national: false, isOwn: false });
    expect(jurisdiction("130000", "130000")).toEqual({ region: "130000", national: false, isOwn: true });
    // The national bureau's own area is the country: no region filter, one option lit.
    expect(jurisdiction(undefined, "000000")).toEqual({ region: undefined, national: true, isOwn: true });
    expect(jurisdiction("130000", "000000")).toEqual({ region: "130000", national: false, isOwn: false });
  });
});
