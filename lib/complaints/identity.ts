// The complainant's phone and ID number at rest (decision 012): sealed (AES-256-GCM + search
// HMAC, lib/crypto/pii.ts) on every write, opened only by the unmask path, found by exact search.
// Every write seals the whole row under the current key, so a row's values and hashes always
// share one key id — rotation and the removal of an old key stay simple.
import type pg from "pg";
import { piiKeyring } from "../crypto/keyring";
import { decryptValue, encryptValue, keyIdOf, NORMALISE, searchHash, searchHashes, type Keyring } from "../crypto/pii";
import { ID_NUMBER_RE, PHONE_RE } from "./schemas";

export interface ClearIdentity {
  phone: string | null;
  idNumber: string | null;
}

export interface SealedIdentity {
  phoneEnc: string | null;
  phoneHmac: string | null;
  idNumberEnc: string | null;
  idNumberHmac: string | null;
}

/** The associated data of a value: its column and its row. */
const context = (column: "phone" | "id_number", complaintId: string) => `complaint_identity.${column}/${complaintId}`;

export function sealIdentity(ring: Keyring, complaintId: string, clear: ClearIdentity): SealedIdentity {
  const { phone, idNumber } = clear;
  return {
    phoneEnc: phone ? encryptValue(ring, context("phone", complaintId), phone) : null,
    phoneHmac: phone ? searchHash(ring, "phone", phone) : null,
    idNumberEnc: idNumber ? encryptValue(ring, context("id_number", complaintId), idNumber) : null,
    idNumberHmac: idNumber ? searchHash(ring, "idNumber", idNumber) : null,
  };
}

/** The clear values of a row; one the prepare step has not encrypted yet still has them in clear. */
export function openIdentity(
  ring: Keyring,
  complaintId: string,
  row: { phone: string | null; idNumber: string | null; phoneEnc: string | null; idNumberEnc: string | null },
): ClearIdentity {
  return {
    phone: row.phone ?? (row.phoneEnc ? decryptValue(ring, context("phone", complaintId), row.phoneEnc) : null),
    idNumber:
      row.idNumber ?? (row.idNumberEnc ? decryptValue(ring, context("id_number", complaintId), row.idNumberEnc) : null),
  };
}

/**
 * The search hashes a list's `q` is compared with: a full ID number and/or a full phone number,
 * under every key of the ring (rows not rotated yet are found too). Null when `q` can be neither
 * — then no key is needed.
 */
export function identitySearch(
  q: string,
  keys: () => Keyring = () => piiKeyring(),
): { idNumber: string[]; phone: string[] } | null {
  const id = NORMALISE.idNumber(q);
  const asId = ID_NUMBER_RE.test(id);
  const asPhone = PHONE_RE.test(q.trim()) && NORMALISE.phone(q).length >= 5;
  if (!asId && !asPhone) return null;
  const ring = keys();
  return {
    idNumber: asId ? searchHashes(ring, "idNumber", id) : [],
    phone: asPhone ? searchHashes(ring, "phone", q) : [],
  };
}

// ---- Batches: encrypting rows written before the migration, rotating keys ------------------

interface StoredRow {
  id: string;
  phone: string | null;
  id_number: string | null;
  phone_enc: string | null;
  id_number_enc: string | null;
}

const ROW_COLUMNS = `complaint_id::text AS id, phone, id_number, phone_enc, id_number_enc`;

/** Re-seals `rows` under the current key and clears their clear columns, in one UPDATE. */
async function resealRows(client: pg.ClientBase, ring: Keyring, rows: StoredRow[]): Promise<void> {
  const sealed = rows.map((r) =>
    sealIdentity(
      ring,
      r.id,
      openIdentity(ring, r.id, {
        phone: r.phone,
        idNumber: r.id_number,
        phoneEnc: r.phone_enc,
        idNumberEnc: r.id_number_enc,
      }),
    ),
  );
  await client.query(
    `UPDATE complaint_identity t
        SET phone = NULL, id_number = NULL, phone_enc = v.phone_enc, phone_hmac = v.phone_hmac, id_number_enc = v.id_number_enc, id_number_hmac = v.id_number_hmac
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(id, phone_enc, phone_hmac, id_number_enc, id_number_hmac)
      WHERE t.complaint_id = v.id`,
    [
      rows.map((r) => r.id),
      sealed.map((s) => s.phoneEnc),
      sealed.map((s) => s.phoneHmac),
      sealed.map((s) => s.idNumberEnc),
      sealed.map((s) => s.idNumberHmac),
    ],
  );
}

/** Runs `select` → reseal in one transaction per batch until a batch comes back empty. */
async function inBatches(
  client: pg.ClientBase,
  keys: () => Keyring,
  select: (after: string) => Promise<StoredRow[]>,
  onBatch: (rows: StoredRow[]) => void,
): Promise<void> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    await client.query("BEGIN");
    try {
      const rows = await select(after);
      if (rows.length) await resealRows(client, keys(), rows);
      await client.query("COMMIT");
      if (!rows.length) return;
      onBatch(rows);
      after = rows[rows.length - 1]!.id;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    }
  }
}

/**
 * Encrypts the rows that still hold clear values (written before the migration, or by an instance
 * of the previous release during a rolling upgrade) and nulls their clear columns, in batches.
 * Idempotent; `keys` is asked only when there is such a row. Returns the number of rows.
 */
export async function encryptPendingIdentities(
  client: pg.ClientBase,
  keys: () => Keyring,
  batch = 500,
): Promise<number> {
  let n = 0;
  await inBatches(
    client,
    keys,
    async (after) =>
      (
        await client.query<StoredRow>(
          `SELECT ${ROW_COLUMNS} FROM complaint_identity
            WHERE (phone IS NOT NULL OR id_number IS NOT NULL) AND complaint_id > $1::uuid
            ORDER BY complaint_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [after, batch],
        )
      ).rows,
    (rows) => (n += rows.length),
  );
  return n;
}

export interface RotationReport {
  /** Rows that held clear values, now encrypted. */
  encrypted: number;
  /** Rows re-encrypted, by the key id they were under. */
  rotated: Record<string, number>;
  /** The key every value is under now. */
  current: string;
}

/**
 * Re-encrypts (and re-hashes) every row with a value not under the current key, in batches, each
 * in its own transaction; rows written meanwhile are under the current key already. Afterwards
 * the older keys can leave PII_KEYS.
 */
export async function rotateIdentities(client: pg.ClientBase, ring: Keyring, batch = 500): Promise<RotationReport> {
  const report: RotationReport = {
    encrypted: await encryptPendingIdentities(client, () => ring, batch),
    rotated: {},
    current: ring.current,
  };
  await inBatches(
    client,
    () => ring,
    async (after) =>
      (
        await client.query<StoredRow>(
          `SELECT ${ROW_COLUMNS} FROM complaint_identity
            WHERE complaint_id > $1::uuid
              AND ((phone_enc IS NOT NULL AND split_part(phone_enc, ':', 2) <> $2)
                OR (id_number_enc IS NOT NULL AND split_part(id_number_enc, ':', 2) <> $2))
            ORDER BY complaint_id LIMIT $3 FOR UPDATE`,
          [after, ring.current, batch],
        )
      ).rows,
    (rows) => {
      for (const r of rows) {
        const old = [r.id_number_enc, r.phone_enc]
          .map((v) => (v ? keyIdOf(v) : ring.current))
          .find((k) => k !== ring.current)!;
        report.rotated[old] = (report.rotated[old] ?? 0) + 1;
      }
    },
  );
  return report;
}
