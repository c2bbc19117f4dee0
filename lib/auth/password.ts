// Password hashing (bcrypt, pure JS so no native build is needed) and the password rule.
import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** A fixed hash compared against when the user does not exist, so timing does not tell. */
export const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.Nf2XqBZr1S1s1XIBd5mBCZs0xv7K";
