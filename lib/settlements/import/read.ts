// The read stage of the settlement import: the body in pieces (csvPieces detects the encoding),
// each piece split into lines for the decoder, and the spool flushed after every piece, so the
// parser's memory is one piece's worth of batches.
import { ValidationError } from "../../errors";
import { CsvLines, csvPieces } from "../csv";
import type { RowDecoder } from "./decode";
import type { ChunkSpool } from "./spool";
import type { Chunk, ImportOutcome } from "./types";

export async function readFile(
  body: AsyncIterable<Uint8Array>,
  decoder: RowDecoder,
  spool: ChunkSpool,
  outcome: ImportOutcome,
  push: (chunk: Chunk) => Promise<void>,
): Promise<void> {
  const lines = new CsvLines(decoder.onFastLine, decoder.onLine);
  for await (const piece of csvPieces(body, (e) => (outcome.encoding = e))) {
    lines.push(piece, outcome.encoding!);
    await spool.flush(push);
  }
  lines.end();
  if (!decoder.sawHeader) throw new ValidationError({ file: [{ key: "statistics.import.errors.empty" }] });
  spool.finish();
  await spool.flush(push);
}
