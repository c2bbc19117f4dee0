import { describe, expect, it } from "vitest";
import { maskIdNumber, maskName, maskPhone, scrubPersonalData } from "./mask";

describe("masking", () => {
  it("masks ID numbers keeping 4 + 4", () => {
    expect(maskIdNumber("110101199003071234")).toBe("1101**********1234");
    expect(maskIdNumber("13102219851203002X")).toBe("1310**********002X");
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber("1234")).toBe("****");
  });

  it("masks phones keeping 3 + 4", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("010-12393")).toBe("010**2393");
    expect(maskPhone("")).toBeNull();
  });

  it("masks names keeping the family name", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("王")).toBe("*");
  });

  it("scrubs ID and mobile numbers out of free text", () => {
    const text = "患者身份证110101199003071234，电话13812345678，结算单号 20261125000123456789 不变";
    const out = scrubPersonalData(text);
    expect(out).not.toContain("110101199003071234");
    expect(out).not.toContain("13812345678");
    expect(out).toContain("1101**********1234");
    expect(out).toContain("138****5678");
    expect(out).toContain("20261125000123456789");
  });
});
