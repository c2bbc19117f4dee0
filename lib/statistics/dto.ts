// API views of the statistics (summarySchema, seriesSchema, flowsSchema): amounts as exact yuan
// strings, ratios as decimal fractions with exactly six decimals on the wire (JSON numbers
// written from the exact decimal text, never from a float), counts as integers.
import type { z } from "zod";
import { ValidationError, type FieldErrors } from "../errors";
import { assertCleanText, fieldErrorsOf, fieldKey } from "../validation";
import { fenToYuan, growth6, ratio6 } from "./decimal";
import type { Figures, Flows, SeriesPoint, Summary } from "./queries";
import type { FlowLevel, Grain } from "./schemas";

/** Parses with zod; messages keyed `statistics.*` are kept (lib/validation maps only its own prefixes). */
export function parseStatsInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertCleanText(input);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = fieldErrorsOf(result.error);
  for (const issue of result.error.issues) {
    if (issue.message.startsWith("statistics.")) {
      fieldErrors[fieldKey(issue.path)] = [{ key: issue.message }];
    }
  }
  throw new ValidationError(fieldErrors);
}

/** A decimal written as a bare JSON number with its exact digits ("1.348500"). */
export class Decimal6 {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `\u0000dec:${this.text}`;
  }
}

const dec = (text: string | null) => (text === null ? null : new Decimal6(text));

/** JSON text with Decimal6 values unquoted. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000dec:(-?\d+(?:\.\d+)?)"/g, "$1");
}

export function jsonResponse(value: unknown, status = 200): Response {
  return new Response(toJsonText(value), { status, headers: { "content-type": "application/json" } });
}

export function figuresDto(f: Figures) {
  return {
    visits: Number(f.visits),
    totalCost: fenToYuan(f.totalCost),
    fundPaid: fenToYuan(f.fundPaid),
    fundRatio: dec(ratio6(f.fundPaid, f.totalCost)),
  };
}

function growthDto(cur: Figures, prev: Figures) {
  return {
    visits: dec(growth6(cur.visits, prev.visits)),
    totalCost: dec(growth6(cur.totalCost, prev.totalCost)),
    fundPaid: dec(growth6(cur.fundPaid, prev.fundPaid)),
    failures: dec(growth6(cur.failures, prev.failures)),
  };
}

export function summaryDto(s: Summary) {
  return {
    period: s.period,
    ...figuresDto(s.current),
    failures: Number(s.current.failures),
    failureRate: dec(ratio6(s.current.failures, s.current.failures + s.current.visits)),
    previousYear: { ...figuresDto(s.previousYear), failures: Number(s.previousYear.failures) },
    yoy: growthDto(s.current, s.previousYear),
    previousPeriod: {
      from: s.previousPeriod.from,
      to: s.previousPeriod.to,
      ...figuresDto(s.previousPeriod),
      failures: Number(s.previousPeriod.failures),
    },
    mom: growthDto(s.current, s.previousPeriod),
  };
}

export function seriesDto(period: { from: string; to: string }, grain: Grain, points: SeriesPoint[]) {
  return {
    period,
    grain,
    points: points.map((p) => ({
      bucket: p.bucket,
      ...figuresDto(p.current),
      failures: Number(p.current.failures),
      lastYear: { ...figuresDto(p.lastYear), failures: Number(p.lastYear.failures) },
      yoyVisits: dec(growth6(p.current.visits, p.lastYear.visits)),
    })),
  };
}

export function flowsDto(period: { from: string; to: string }, level: FlowLevel, flows: Flows) {
  return {
    period,
    level,
    regions: flows.names,
    cells: flows.cells.map((c) => ({ visitRegion: c.visitKey, homeRegion: c.homeKey, ...figuresDto(c.figures) })),
    truncated: flows.truncated,
  };
}
