// Password strength beyond the length/character rule (decision 011): a password may not contain
// the user's username or name, and must not be guessable — zxcvbn-ts's estimate with its common
// password and word lists (score ≥ 3 of 4: "safely unguessable", ≥ 10^8 guesses). The estimator
// is loaded on first use; demo accounts are seeded with a hash and never pass through here.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import type { MessageRef } from "../errors";

const MIN_SCORE = 3;
let estimator: ZxcvbnFactory | undefined;

/** Why `password` is too weak for this person (a catalogue key), or null when it will do. */
export async function weakPassword(
  password: string,
  person: { username: string; displayName?: string | null },
): Promise<MessageRef | null> {
  const names = [person.username, person.displayName]
    .filter((n): n is string => Boolean(n && n.trim().length >= 3))
    .map((n) => n.trim().toLowerCase());
  const lower = password.toLowerCase();
  if (names.some((n) => lower.includes(n))) return { key: "validation.passwordPersonal" };
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  const { score } = await estimator.checkAsync(password, names);
  return score < MIN_SCORE ? { key: "validation.passwordWeak" } : null;
}
