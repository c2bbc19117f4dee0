// The audit log's hash chain (migration 20261206070000_audit_chain, decision 011): rows are
// append-only for the application; a periodic job seals new rows into a sha256 chain, and
// verification recomputes it in the database and names the first row that does not match.
import { pgPool } from "../db/pg";

/** Seals up to `maxRows` rows not sealed yet, oldest first (one sealer at a time). */
export async function sealAudit(maxRows = 50_000): Promise<number> {
  const { rows } = await pgPool().query<{ n: number }>("SELECT audit_seal($1) AS n", [maxRows]);
  return rows[0]!.n;
}

export interface AuditVerdict {
  sealed: number;
  unsealed: number;
  /** The first row that breaks the chain, or null when it holds. */
  broken: { seq: number; id: string | null; problem: "missing" | "link" | "content" } | null;
}

/** Recomputes the whole chain. */
export async function verifyAudit(): Promise<AuditVerdict> {
  const [counts, bad] = await Promise.all([
    pgPool().query<{ sealed: string; unsealed: string }>(
      "SELECT count(seq) AS sealed, count(*) - count(seq) AS unsealed FROM audit_log",
    ),
    pgPool().query<{ seq: string; id: string | null; problem: "missing" | "link" | "content" }>(
      "SELECT seq::text, id::text, problem FROM audit_verify()",
    ),
  ]);
  const b = bad.rows[0];
  return {
    sealed: Number(counts.rows[0]!.sealed),
    unsealed: Number(counts.rows[0]!.unsealed),
    broken: b ? { seq: Number(b.seq), id: b.id, problem: b.problem } : null,
  };
}
