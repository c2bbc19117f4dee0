import { describe, expect, it } from "vitest";
import { upperSnake } from "./enum-case";

describe("upperSnake", () => {
  it("writes camelCase and lower-case values as UPPER_SNAKE", () => {
    expect(upperSnake("ok")).toBe("OK");
    expect(upperSnake("incompleteBase")).toBe("INCOMPLETE_BASE");
    expect(upperSnake("notYetEffective")).toBe("NOT_YET_EFFECTIVE");
    expect(upperSnake("level3Below")).toBe("LEVEL3_BELOW");
    expect(upperSnake("ALREADY_UPPER")).toBe("ALREADY_UPPER");
  });
});
