import { describe, expect, it } from "vitest";
import { weakPassword } from "./password-policy";

describe("password strength", () => {
  it.each(["Password123", "Abc1234567", "qwerty12345", "1qaz2wsx3edc", "Passw0rd2026"])(
    "refuses the guessable %s",
    async (pw) => {
      expect(await weakPassword(pw, { username: "lf_clerk" })).toEqual({ key: "validation.passwordWeak" });
    },
  );

  it("refuses a password containing the username or the name, whatever its strength", async () => {
    expect(await weakPassword("Xq7-lf_clerk-Zp9", { username: "lf_clerk" })).toEqual({
      key: "validation.passwordPersonal",
    });
    expect(await weakPassword("HanBing-88-rocks!", { username: "u1", displayName: "hanbing" })).toEqual({
      key: "validation.passwordPersonal",
    });
  });

  it.each([
    "Temp-pass-2026",
    "Mine-for-good-9",
    "Brand-new-pass-1",
    "Another-pass-2",
    "Initial-pass-1",
    "Langfang-2026",
    "Abcdefgh12",
  ])("accepts %s", async (pw) => {
    expect(await weakPassword(pw, { username: "lf_e2e_clerk", displayName: "临时测试" })).toBeNull();
  });
});
