// The process's PII keyring, from the PII_KEYS setting (parsed once). Scripts that prepare a
// database hand their own keys to prepareDatabase instead (the zero-setup start generates them
// into .data/pii-keys — scripts/server.ts piiKeys()).
import { env } from "../env";
import { parseKeyring, PiiKeyError, type Keyring } from "./pii";

let cached: { spec: string; ring: Keyring } | undefined;

/** The keyring of PII_KEYS; throws when it is not set (nothing personal can be written or read). */
export function piiKeyring(spec = env().PII_KEYS): Keyring {
  if (!spec) throw new PiiKeyError("PII_KEYS is not set (docs/security.md, Settings)");
  if (cached?.spec !== spec) cached = { spec, ring: parseKeyring(spec) };
  return cached.ring;
}
