// When a chunk of the settlement import ends. Pure: it sees counts, not rows.
//
// Records per chunk (one savepoint, one cube upsert). The first chunks are smaller (an eighth,
// a quarter, a half) so the database starts early. Past the target size, or half of
// MAX_CHUNK_KEYS cube keys, a chunk ends where the next month starts (each month's cube rows are
// then written once, as plain inserts); it ends anyway at twice the target, MAX_CHUNK_KEYS cube
// keys, a full delta table or MAX_CHUNK_REVERSALS reversals, which bounds the parser's memory.
export const CHUNK_ROWS = 2_000_000;
export const MAX_CHUNK_KEYS = 200_000;
export const MAX_CHUNK_REVERSALS = 100_000;

/** After a row: go on, end the chunk at the next new month, or end it now. */
export type ChunkDecision = "continue" | "endAtMonth" | "end";

export class ChunkPolicy {
  private target: number;

  constructor(private readonly chunkRows: number = CHUNK_ROWS) {
    this.target = Math.max(1, Math.floor(chunkRows / 8));
  }

  /** The current chunk's soft size in records. */
  get targetRows(): number {
    return this.target;
  }

  /** Called after each row with the chunk's fill (positional: this runs millions of times). */
  decide(rows: number, keys: number, deltasFull: boolean, reversals: number): ChunkDecision {
    if (rows >= 2 * this.target || keys >= MAX_CHUNK_KEYS || deltasFull || reversals >= MAX_CHUNK_REVERSALS)
      return "end";
    if (rows >= this.target || keys >= MAX_CHUNK_KEYS / 2) return "endAtMonth";
    return "continue";
  }

  /** A chunk ended: the next one may be twice as large, up to chunkRows. */
  ended(): void {
    this.target = Math.min(this.chunkRows, this.target * 2);
  }
}
