// Personal data encrypted by the application (decision 012): AES-256-GCM per value, HMAC-SHA-256
// for exact-match search. Pure Node crypto; the keys come in as a Keyring (lib/crypto/keyring.ts
// builds it from the PII_KEYS setting).
//
// A stored value is one self-describing text: `v1:<keyId>:<base64url(iv ‖ ciphertext ‖ tag)>`,
// 12-byte random IV, 16-byte tag. The associated data binds it to its version, key id and context
// (table.column/row id): a phone's ciphertext moved into the ID column, or into another row, does
// not decrypt.
import crypto from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

interface KeyPair {
  id: string;
  enc: Buffer;
  mac: Buffer;
}

/** The keys of this process: `current` encrypts and hashes; every key decrypts and searches. */
export interface Keyring {
  current: string;
  keys: ReadonlyMap<string, KeyPair>;
}

export class PiiKeyError extends Error {}

/** Both working keys from one 32-byte master secret (HKDF-SHA-256, one label each). */
function derive(id: string, master: Buffer): KeyPair {
  const sub = (label: string) =>
    Buffer.from(crypto.hkdfSync("sha256", master, Buffer.alloc(0), `yibao/pii/${label}`, 32));
  return { id, enc: sub("aes-256-gcm"), mac: sub("hmac-sha256") };
}

/**
 * `id:base64,id:base64,…` (standard or URL-safe base64 of 32 random bytes); the first is current.
 * Throws naming what is wrong — never the key material.
 */
export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, KeyPair>();
  let current = "";
  for (const part of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const colon = part.indexOf(":");
    const id = colon > 0 ? part.slice(0, colon) : "";
    if (!KEY_ID.test(id))
      throw new PiiKeyError("PII_KEYS: each entry is <id>:<base64 of 32 bytes>, the id 1–16 of A–Z a–z 0–9 _ -");
    const master = Buffer.from(part.slice(colon + 1), "base64");
    if (master.length !== 32) throw new PiiKeyError(`PII_KEYS: key ${id} is not 32 bytes of base64`);
    if (keys.has(id)) throw new PiiKeyError(`PII_KEYS: key id ${id} appears twice`);
    keys.set(id, derive(id, master));
    current ||= id;
  }
  if (!current) throw new PiiKeyError("PII_KEYS is empty");
  return { current, keys };
}

/** A fresh key entry (`id:base64`) to put first in PII_KEYS. */
export function newKeySpec(id: string): string {
  if (!KEY_ID.test(id)) throw new PiiKeyError(`not a key id: ${id}`);
  return `${id}:${crypto.randomBytes(32).toString("base64")}`;
}

function keyOf(ring: Keyring, id: string): KeyPair {
  const key = ring.keys.get(id);
  if (!key) throw new PiiKeyError(`PII key ${id} is not in PII_KEYS`);
  return key;
}

const aad = (keyId: string, context: string) => Buffer.from(`${VERSION}\u0000${keyId}\u0000${context}`, "utf8");

/** Encrypts `plain` under the current key, bound to `context` (e.g. `complaint_identity.phone/<id>`). */
export function encryptValue(ring: Keyring, context: string, plain: string): string {
  const key = keyOf(ring, ring.current);
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key.enc, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(key.id, context));
  const body = Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${key.id}:${body.toString("base64url")}`;
}

/** The key id a stored value was encrypted under. */
export function keyIdOf(stored: string): string {
  const [version, keyId] = stored.split(":", 2);
  if (version !== VERSION || !keyId) throw new PiiKeyError("not an encrypted value");
  return keyId;
}

/** Decrypts a value of encryptValue; a changed value, another context or an unknown key throws. */
export function decryptValue(ring: Keyring, context: string, stored: string): string {
  const keyId = keyIdOf(stored);
  const key = keyOf(ring, keyId);
  const body = Buffer.from(stored.slice(VERSION.length + keyId.length + 2), "base64url");
  if (body.length < IV_BYTES + TAG_BYTES) throw new PiiKeyError("encrypted value too short");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key.enc, body.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(aad(keyId, context));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString(
    "utf8",
  );
}

/** The kinds of searchable values, each with its normal form. */
export const NORMALISE = {
  /** Resident ID number: no spaces, the check character upper-case (x → X). */
  idNumber: (v: string) => v.replace(/\s+/g, "").toUpperCase(),
  /** Phone: digits only ("139-1234 5678" = "13912345678"). */
  phone: (v: string) => v.replace(/\D+/g, ""),
} as const;
export type SearchKind = keyof typeof NORMALISE;

function hmac(key: KeyPair, kind: SearchKind, value: string): string {
  return crypto
    .createHmac("sha256", key.mac)
    .update(`${kind}\u0000${NORMALISE[kind](value)}`, "utf8")
    .digest("hex");
}

/** The search hash stored beside a value: under the current key, over the normal form. */
export function searchHash(ring: Keyring, kind: SearchKind, value: string): string {
  return hmac(keyOf(ring, ring.current), kind, value);
}

/** What a search compares with: the hash under every key of the ring (rows not rotated yet match too). */
export function searchHashes(ring: Keyring, kind: SearchKind, value: string): string[] {
  return [...ring.keys.values()].map((k) => hmac(k, kind, value));
}
