// The agreement facts the eligibility engine reads, held in memory: a few dozen rows that
// change rarely, read thousands of times a second. Reloaded at once after a write in this
// process, and after a write anywhere else when its notification arrives (lib/db/events.ts:
// triggers on the agreement tables, milliseconds after the commit); CACHE_TTL_MS is only the
// safety net for a notification lost with a dropped listener connection.
import { prisma } from "../db/client";
import { dispatchCacheEvent, onCacheEvent } from "../db/events";
import { isoDate } from "../facilities/codes";
import type { AgreementFacts, ScopeRule } from "./eligibility";
import type { RatioRules } from "./codes";
import { headingOf } from "./views";

export const CACHE_TTL_MS = 60_000;

interface Entry {
  at: number;
  stamp: number;
  facts: Promise<AgreementFacts[]>;
}

const state = globalThis as unknown as { __agreementFacts?: Entry; __agreementStamp?: number };

/** Every agreement that has ever been activated (drafts are never in force), with its history. */
export async function loadAgreementFacts(): Promise<AgreementFacts[]> {
  const rows = await prisma.agreement.findMany({
    where: { status: { not: "DRAFT" } },
    include: { parties: true, institutions: { select: { institutionCode: true } }, transitions: true },
  });
  return rows.map((a) => ({
    ...headingOf(a),
    parties: a.parties.map((p) => ({ regionCode: p.regionCode, role: p.role })),
    services: a.services,
    diseases: a.diseases,
    filingFree: a.filingFree,
    effectiveFrom: isoDate(a.effectiveFrom),
    effectiveTo: a.effectiveTo ? isoDate(a.effectiveTo) : null,
    scopeRule: (a.scopeRule ?? null) as ScopeRule | null,
    institutionCodes: new Set(a.institutions.map((i) => i.institutionCode)),
    ratioRules: (a.ratioRules ?? {}) as RatioRules,
    // The CREATE row only records the draft; a back-dated activation must not sort before it.
    transitions: a.transitions
      .filter((t) => t.action !== "CREATE")
      .map((t) => ({
        toStatus: t.toStatus,
        effectiveOn: isoDate(t.effectiveOn),
        recordedAt: t.recordedAt,
        seq: Number(t.id),
      })),
    createdAt: a.createdAt,
  }));
}

/** The cached facts; one load at a time, shared by concurrent callers. */
export function agreementFacts(now = Date.now()): Promise<AgreementFacts[]> {
  const stamp = state.__agreementStamp ?? 0;
  const e = state.__agreementFacts;
  if (e && e.stamp === stamp && now - e.at < CACHE_TTL_MS) return e.facts;
  const facts = loadAgreementFacts();
  state.__agreementFacts = { at: now, stamp, facts };
  // A failed load must not be served from the cache.
  facts.catch(() => {
    if (state.__agreementFacts?.facts === facts) state.__agreementFacts = undefined;
  });
  return facts;
}

function dropFacts(): void {
  state.__agreementStamp = (state.__agreementStamp ?? 0) + 1;
}

/**
 * Called by every agreement write, after its commit: drops this process's agreement caches at once
 * (the facts here, the list and detail rows in queries.ts); other processes drop theirs when the
 * trigger's notification arrives.
 */
export function invalidateAgreementCache(): void {
  dispatchCacheEvent("agreements");
}

onCacheEvent("agreements", dropFacts);
