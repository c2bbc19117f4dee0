// Named transaction-scoped advisory locks: the one list of lock ids, so no two jobs pick the same
// number by accident and a reader sees what a lock serialises. The ids are the values earlier
// releases used, kept so a rolling deploy never lets an old and a new process hold "different"
// locks for the same job. Held until the transaction ends (pg_advisory_xact_lock).
export const ADVISORY_LOCKS = {
  /** Settlement imports: partitions and cube rows are never raced. */
  settlementImport: 7_007_001,
  /** Roster imports: two at once would each plan against rows the other is changing. */
  rosterImport: 4_210_731,
} as const;

export type AdvisoryLock = keyof typeof ADVISORY_LOCKS;

/** Anything that runs a parameterised query: a `pg` client or pool client inside a transaction. */
interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** Waits for the named lock; it is released when the surrounding transaction ends. */
export async function lockForTransaction(db: Queryable, lock: AdvisoryLock): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCKS[lock]]);
}

/** Takes the named lock if free (true), without waiting (false when another transaction holds it). */
export async function tryLockForTransaction(db: Queryable, lock: AdvisoryLock): Promise<boolean> {
  const r = (await db.query("SELECT pg_try_advisory_xact_lock($1) AS got", [ADVISORY_LOCKS[lock]])) as {
    rows: { got: boolean }[];
  };
  return r.rows[0]!.got;
}
