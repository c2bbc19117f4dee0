import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "./validation";
import { ValidationError } from "./errors";
import { createUserSchema } from "./users/schemas";

describe("parseInput", () => {
  it("names every bad field with a catalogue key", () => {
    const err = (() => {
      try {
        parseInput(createUserSchema, { username: "A", roles: [], password: "short" });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    const fields = err!.fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(["bureauId", "displayName", "password", "roles", "username"]);
    expect(fields.password![0]!.key).toBe("validation.passwordRule");
    expect(fields.roles![0]!.key).toBe("validation.atLeastOneRole");
    expect(fields.displayName![0]!.key).toBe("validation.required");
  });

  it("maps zod's own issues to keys with params", () => {
    const schema = z.object({ n: z.number().max(5), s: z.string().min(3), e: z.enum(["A", "B"]) }).strict();
    try {
      parseInput(schema, { n: 9, s: "x", e: "C", extra: 1 });
      expect.unreachable();
    } catch (e) {
      const f = (e as ValidationError).fieldErrors;
      expect(f.n![0]).toEqual({ key: "validation.tooBig", params: { max: 5 } });
      expect(f.s![0]).toEqual({ key: "validation.tooShort", params: { min: 3 } });
      expect(f.e![0]!.key).toBe("validation.invalidEnum");
      expect(f._![0]).toEqual({ key: "validation.unknownField", params: { keys: "extra" } });
    }
  });

  it("returns parsed data", () => {
    expect(parseInput(z.object({ a: z.coerce.number() }), { a: "4" })).toEqual({ a: 4 });
  });
});
