// API views of the statistics (summarySchema, seriesSchema, flowsSchema): amounts as exact yuan
// strings, ratios as decimal fractions with exactly six decimals on the wire (JSON numbers
// written from the exact decimal text, never from a float), counts as integers.
import type { z } from "zod";
import { ValidationError, type FieldErrors } from "../errors";
import { assertCleanText, fieldErrorsOf, fieldKey } from "../validation";
import { fenToYuan, growth6, ratio6 } from "./decimal";
import type { Figures, SeriesPoint, Summary } from "./queries";
import type { Flows } from "./flows";
import { upperSnake } from "../http/enum-case";
import { comparisonStatus, type ComparisonStatus, type RangeCoverage } from "./coverage";
import type { FlowMatrixLevel, Grain } from "./schemas";

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

/** Growth against a base, only when the comparison is fair (decision 015); null otherwise. */
function growthDto(cur: Figures, prev: Figures, status: ComparisonStatus) {
  const g = (a: bigint, b: bigint) => (status === "ok" ? dec(growth6(a, b)) : null);
  return {
    visits: g(cur.visits, prev.visits),
    totalCost: g(cur.totalCost, prev.totalCost),
    fundPaid: g(cur.fundPaid, prev.fundPaid),
    failures: g(cur.failures, prev.failures),
  };
}

const coverageDto = (c: RangeCoverage) => ({ from: c.from, to: c.to, complete: c.complete, missing: c.missing });

export function summaryDto(s: Summary) {
  const cov = s.coverage;
  const comparison = {
    yoy: comparisonStatus(cov.period, cov.previousYear),
    mom: comparisonStatus(cov.period, cov.previousPeriod),
  };
  return {
    period: s.period,
    ...figuresDto(s.current),
    failures: Number(s.current.failures),
    failureRate: dec(ratio6(s.current.failures, s.current.failures + s.current.visits)),
    previousYear: { ...figuresDto(s.previousYear), failures: Number(s.previousYear.failures) },
    yoy: growthDto(s.current, s.previousYear, comparison.yoy),
    previousPeriod: {
      from: s.previousPeriod.from,
      to: s.previousPeriod.to,
      ...figuresDto(s.previousPeriod),
      failures: Number(s.previousPeriod.failures),
    },
    mom: growthDto(s.current, s.previousPeriod, comparison.mom),
    // On the wire UPPER_SNAKE like every enum (decision 028); the screens read the domain's names.
    comparison: { yoy: upperSnake(comparison.yoy), mom: upperSnake(comparison.mom) },
    dataThrough: cov.dataThrough,
    coverage: {
      period: coverageDto(cov.period),
      previousYear: coverageDto(cov.previousYear),
      previousPeriod: coverageDto(cov.previousPeriod),
    },
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
      complete: p.complete,
      lastYear: { ...figuresDto(p.lastYear), failures: Number(p.lastYear.failures), complete: p.lastYearComplete },
      yoyVisits: p.complete && p.lastYearComplete ? dec(growth6(p.current.visits, p.lastYear.visits)) : null,
    })),
  };
}

export function flowsDto(period: { from: string; to: string }, level: FlowMatrixLevel, flows: Flows) {
  return {
    period,
    level,
    regions: flows.names,
    cells: flows.cells.map((c) => ({ visitRegion: c.visitKey, homeRegion: c.homeKey, ...figuresDto(c.figures) })),
    truncated: flows.truncated,
  };
}
