// The query-string discipline of /api/v1, once (docs/api.md "Parameters", decision 017): every
// operation parses its query through parseQuery with the zod object the OpenAPI document
// declares, and the parameter types below are the only ways a query schema writes a list, a
// region or a range. Pure (zod and the error contract): the eligibility fast path uses it too.
import { z } from "zod";
import { ValidationError, type FieldErrors } from "../errors";
import { parseInput } from "../validation";

/** A query schema: a zod object (refinements allowed) whose keys are the operation's parameters. */
export type QuerySchema = z.ZodObject;

/**
 * Checks the shape of a query string before its values: a parameter the operation does not
 * declare, an empty value (`visitRegion=`) and a parameter given twice (`type=A&type=B`) are each
 * a 400 naming the parameter — they used to widen or silently change the answer. Then the values
 * are parsed by the schema (patterns, enums, limits, ranges). Returns the query as a plain
 * record (what the domain functions take and parse again).
 */
export function parseQuery(params: URLSearchParams, schema: QuerySchema | null): Record<string, string> {
  const known = new Set(schema ? Object.keys(schema.shape) : []);
  const errors: FieldErrors = {};
  const seen = new Map<string, string>();
  for (const [name, value] of params) {
    if (!known.has(name)) errors[name] = [{ key: "validation.unknownParameter" }];
    else if (seen.has(name)) errors[name] = [{ key: "validation.repeatedParameter" }];
    else if (value === "") errors[name] = [{ key: "validation.emptyParameter" }];
    seen.set(name, value);
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const query = Object.fromEntries(seen);
  if (schema) parseInput(schema, query);
  return query;
}

// ---- Parameter types ------------------------------------------------------------------------

/**
 * A comma list of `item`s: `A,B`. No empty item (`13,`, `13,,11`), no spaces (`13 ,11`): each
 * part must be an item exactly. Repeated items count once.
 */
export function commaList<T extends z.ZodType<unknown, string>>(
  item: T,
  description: string,
  message = "validation.badList",
) {
  return z
    .string()
    .transform((s, ctx) => {
      const out: z.output<T>[] = [];
      for (const part of s.split(",")) {
        const r = item.safeParse(part);
        if (!r.success) {
          ctx.addIssue({ code: "custom", message });
          return z.NEVER;
        }
        if (!out.includes(r.data)) out.push(r.data);
      }
      return out;
    })
    .meta({ description: `${description} (comma-separated, no spaces or empty items)` });
}

/** A comma list of enum values, documented with its values. */
export function enumList<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  const pattern = `^(${values.join("|")})(,(${values.join("|")}))*$`;
  return commaList(z.enum(values), `${description}: ${values.join(", ")}`, "validation.invalidEnum").meta({
    pattern,
  } as never);
}

/**
 * One region in a query parameter: a GB/T 2260 code of 6 digits, or its 2- or 4-digit prefix for
 * a province or city (`13` = `130000`, `1301` = `130100`), normalized to 6 digits; it means that
 * region and everything below it. Or a region group, `group:<slug>` (decision 020), kept as
 * written: the domain resolves it, with the caller's rights, to its members' prefixes. The one
 * place a region token is defined.
 */
const CODE_TOKEN = "\\d{2}|\\d{4}|\\d{6}";
const GROUP_TOKEN = "group:[a-z0-9]+(-[a-z0-9]+)*";
export const REGION_TOKEN_PATTERN = `^(${CODE_TOKEN}|${GROUP_TOKEN})$`;
const regionToken = z
  .string()
  .regex(new RegExp(REGION_TOKEN_PATTERN), "validation.invalidRegion")
  .transform((token) => (token.startsWith("group:") ? token : token.padEnd(6, "0")));

/** A single region parameter (`region=131000`, `region=13`, `region=group:jing-jin-ji`). */
export const regionParam = z
  .string()
  .pipe(regionToken)
  .meta({
    id: "RegionParam",
    type: "string",
    pattern: REGION_TOKEN_PATTERN,
    description:
      "Region code (6 digits, or the 2/4-digit prefix of a province/city), that region and everything below it; or a region group `group:<slug>` (GET /region-groups), any of its members",
    example: "131000",
  } as never);

/**
 * A region parameter where a group makes no sense (a parent to list the children of, the patient's
 * home region of an eligibility check, a pooling area's downtime windows): codes only.
 */
export const REGION_CODE_PATTERN = `^(${CODE_TOKEN})$`;
export const regionCodeParam = z
  .string()
  .regex(new RegExp(REGION_CODE_PATTERN), "validation.invalidRegionPrefix")
  .transform((code) => code.padEnd(6, "0"))
  .meta({
    id: "RegionCodeParam",
    type: "string",
    pattern: REGION_CODE_PATTERN,
    description: "Region code (6 digits, or the 2/4-digit prefix of a province/city)",
    example: "130000",
  } as never);

/** A region-list parameter (`visitRegion=13,110105,group:jing-jin-ji`): a union of region tokens, overlaps counted once. */
export const regionListParam = commaList(
  regionToken,
  "Region codes (6 digits, or the 2/4-digit prefix of a province/city), each with everything below it, or region groups `group:<slug>`; several are a union, overlaps counted once",
  "validation.invalidRegion",
).meta({
  id: "RegionListParam",
  pattern: `^(${CODE_TOKEN}|${GROUP_TOKEN})(,(${CODE_TOKEN}|${GROUP_TOKEN}))*$`,
  example: "13,group:jing-jin-ji",
} as never);

/** One key of a sort: a field of the operation's allow-list, ascending or descending. */
export interface SortKey<F extends string = string> {
  field: F;
  desc: boolean;
}

/**
 * The sort of a list (`sort=name,-designatedSince`): a comma list of fields, each ascending or,
 * with a leading `-`, descending; the first is the primary key. Only the operation's `fields`
 * (its allow-list) are taken: another is a 400 on `sort` naming the field and the allowed ones;
 * a field given twice is refused too. Without `sort` the list is in `defaultSort` order (written
 * the same way). Documented with its pattern, its fields and its default.
 */
export function sortParam<const F extends readonly [string, ...string[]]>(fields: F, defaultSort: string) {
  const allowed = new Set<string>(fields);
  const parse = (s: string, ctx?: z.RefinementCtx): SortKey<F[number]>[] => {
    const out: SortKey<F[number]>[] = [];
    for (const part of s.split(",")) {
      const desc = part.startsWith("-");
      const field = desc ? part.slice(1) : part;
      if (!allowed.has(field)) {
        ctx?.addIssue({
          code: "custom",
          message: part === "" || field === "" ? "validation.badList" : "validation.unknownSortField",
          params: { field, fields: fields.join(", ") },
        });
        return [];
      }
      if (out.some((k) => k.field === field)) {
        ctx?.addIssue({ code: "custom", message: "validation.repeatedSortField", params: { field } });
        return [];
      }
      out.push({ field: field as F[number], desc });
    }
    return out;
  };
  const alternatives = `-?(${fields.join("|")})`;
  return z
    .string()
    .default(defaultSort)
    .transform((s, ctx) => parse(s, ctx))
    .meta({
      description: `Sort order: a comma list of fields, each ascending or descending with a leading \`-\` (the first is the primary key; ties end in a stable order). Fields: ${fields.join(", ")}. Default: \`${defaultSort}\``,
      type: "string",
      pattern: `^${alternatives}(,${alternatives})*$`,
      default: defaultSort,
      example: `-${fields[1] ?? fields[0]},${fields[0]}`,
    } as never);
}

/** The value of a sort parameter for a URL (`[{ field: "name", desc: true }]` → `-name`). */
export function sortValue(keys: readonly SortKey[]): string {
  return keys.map((k) => (k.desc ? `-${k.field}` : k.field)).join(",");
}

/** An integer parameter: "abc" is `validation.number`, a bound is `validation.tooSmall`/`tooBig`. */
const integer = () =>
  z.coerce
    .number({ error: (issue) => (issue.code === "invalid_type" ? "validation.number" : undefined) })
    .int("validation.number");

/** A page number and a page size (default `size`, at most 200): every paginated list. */
export function pageParams(size = 20) {
  return {
    page: integer().min(1).max(100000).default(1).meta({ description: "1-based page number" }),
    pageSize: integer()
      .min(1)
      .max(200)
      .default(size)
      .meta({ description: `Items per page (default ${size}, at most 200)` }),
  };
}

/**
 * A range check for a refinement: `to` before `from` is a 400 on `to` (statistics, reports,
 * downtimes — one rule). Only a well-formed pair is compared; a malformed bound is its own error.
 */
export function checkRange(
  v: { from?: string; to?: string },
  ctx: z.RefinementCtx,
  message = "validation.rangeReversed",
) {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message });
}

/** The list envelope of every paginated answer (the pair of pageParams). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.number().int().meta({ description: "Items matching, over all pages" }),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(item),
  });
}
