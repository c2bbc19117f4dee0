// zod at every boundary: parse or throw a ValidationError whose field messages are catalogue
// keys (with params), so the same failure reads in zh-CN and en.
import type { z } from "zod";
import { ValidationError, type FieldErrors, type MessageRef } from "./errors";
import { hostileTextPath } from "./text";

function toMessageRef(issue: z.core.$ZodIssue): MessageRef {
  // Schemas give catalogue keys ("validation.required", "facilities.badCode", …) as messages.
  if (/^[a-z][A-Za-z]*\.[A-Za-z][\w.]*$/.test(issue.message)) {
    // Custom issues (superRefine / ctx.addIssue) may carry the message's params.
    const params = (issue as { params?: Record<string, string | number> }).params;
    return params ? { key: issue.message, params } : { key: issue.message };
  }
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? { key: "validation.required" } : { key: "validation.invalid" };
    case "too_small":
      return issue.origin === "string"
        ? { key: "validation.tooShort", params: { min: Number(issue.minimum) } }
        : issue.origin === "array"
          ? { key: "validation.required" }
          : { key: "validation.tooSmall", params: { min: Number(issue.minimum) } };
    case "too_big":
      return issue.origin === "string"
        ? { key: "validation.tooLong", params: { max: Number(issue.maximum) } }
        : { key: "validation.tooBig", params: { max: Number(issue.maximum) } };
    case "invalid_value":
      return { key: "validation.invalidEnum" };
    case "unrecognized_keys":
      return { key: "validation.unknownField", params: { keys: issue.keys.join(", ") } };
    default:
      return { key: "validation.invalid" };
  }
}

/** The field name of a path, as every FieldErrors key is written ("_" for the whole input). */
export const fieldKey = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join(".") : "_");

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    (out[fieldKey(issue.path)] ??= []).push(toMessageRef(issue));
  }
  return out;
}

function hostileTextErrors(input: unknown): FieldErrors | null {
  const path = hostileTextPath(input);
  return path ? { [fieldKey(path)]: [{ key: "validation.badCharacters" }] } : null;
}

/** Throws a 400 naming the first field whose text breaks the text rule (lib/text.ts). */
export function assertCleanText(input: unknown): void {
  const errors = hostileTextErrors(input);
  if (errors) throw new ValidationError(errors);
}

/** zod's safeParse behind the text rule (hostile text fails like any other field), for pages that show errors. */
export function safeParseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { success: true; data: z.output<S> } | { success: false; fieldErrors: FieldErrors } {
  const hostile = hostileTextErrors(input);
  if (hostile) return { success: false, fieldErrors: hostile };
  const result = schema.safeParse(input);
  return result.success
    ? { success: true, data: result.data }
    : { success: false, fieldErrors: fieldErrorsOf(result.error) };
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertCleanText(input);
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}
