// RFC 4180 CSV, streaming-friendly: the parser takes text in chunks of any size (a chunk may end
// inside a quoted field, between a quote pair, or between CR and LF) and hands back complete
// records. Lenient where spreadsheets are sloppy: LF, CRLF or CR line ends, a quote inside an
// unquoted field is kept as text, a leading BOM is dropped, blank lines are skipped.

const QUOTE = 34; // "
const COMMA = 44;
const CR = 13;
const LF = 10;

export class CsvParser {
  private field = "";
  private record: string[] = [];
  private inQuotes = false;
  /** Inside a quoted field, just after a quote: either an escaped quote or the closing one. */
  private quotePending = false;
  /** The field started quoted (so an empty quoted field is a value, not a blank line). */
  private quoted = false;
  private crPending = false;
  private started = false;

  /** Feeds a chunk; returns the records completed by it. */
  push(chunk: string): string[][] {
    const out: string[][] = [];
    let text = chunk;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0; // start of the run of plain characters not yet copied into `field`
    const flushRun = (i: number) => {
      if (i > start) this.field += text.slice(start, i);
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.crPending) {
        this.crPending = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === QUOTE) {
            // "" inside quotes: one literal quote
            this.field += '"';
            start = i + 1;
            continue;
          }
          this.inQuotes = false; // the previous quote closed the field; fall through
          start = i;
        } else {
          if (c === QUOTE) {
            flushRun(i);
            this.quotePending = true;
            start = i + 1;
          }
          continue;
        }
      }
      if (c === COMMA) {
        flushRun(i);
        this.endField();
        start = i + 1;
      } else if (c === LF || c === CR) {
        flushRun(i);
        this.endField();
        const rec = this.endRecord();
        if (rec) out.push(rec);
        if (c === CR) this.crPending = true;
        start = i + 1;
      } else if (c === QUOTE && this.field === "" && i === start && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
        start = i + 1;
      }
    }
    if (this.inQuotes) {
      if (!this.quotePending) flushRun(text.length);
    } else {
      flushRun(text.length);
    }
    return out;
  }

  /** Ends the input; returns the last record if the text did not end with a line break. */
  end(): string[][] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.field !== "" || this.record.length > 0 || this.quoted) {
      this.endField();
      const rec = this.endRecord();
      return rec ? [rec] : [];
    }
    return [];
  }

  private endField() {
    this.record.push(this.field);
    this.field = "";
    this.quoted = false;
  }

  private endRecord(): string[] | null {
    const rec = this.record;
    this.record = [];
    // A blank line is one empty unquoted field: skip it.
    if (rec.length === 1 && rec[0] === "") return null;
    return rec;
  }
}

/** Parses a whole text. */
export function parseCsv(text: string): string[][] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}

/** Parses text arriving in chunks (e.g. a decoded stream), yielding records as they complete. */
export async function* parseCsvChunks(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string[]> {
  const p = new CsvParser();
  for await (const chunk of chunks) yield* p.push(chunk);
  yield* p.end();
}

/** A field quoted when it holds a comma, quote, line break or surrounding spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record with CRLF, as RFC 4180 and Excel write it. */
export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(",") + "\r\n";
}
