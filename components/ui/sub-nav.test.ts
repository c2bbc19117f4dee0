import { describe, expect, it } from "vitest";
import { currentItem } from "./sub-nav";

const items = [
  { href: "/complaints", label: "queues" },
  { href: "/complaints/downtimes", label: "downtimes" },
];

describe("SubNav's current item", () => {
  it("is the exact match, else the longest address the path lies under", () => {
    expect(currentItem(items, "/complaints")).toBe("/complaints");
    expect(currentItem(items, "/complaints/downtimes")).toBe("/complaints/downtimes");
    expect(currentItem(items, "/complaints/TS-2026-000001")).toBe("/complaints");
  });

  it("is none outside the area or on a look-alike prefix", () => {
    expect(currentItem(items, "/complaintsx")).toBe(false);
    expect(currentItem(items, "/agreements")).toBe(false);
  });
});
