// The Prisma client singleton. Only lib/<domain> code imports this module.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl, env } from "../env";
import { logger } from "../logger";

export type { Prisma } from "./generated/client";
export type Db = PrismaClient;
/** A client or an interactive-transaction client: services accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

export function createPrismaClient(url = databaseUrl(), max = env().DB_POOL_MAX): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: url, max },
      { onPoolError: (e) => logger.warn("idle database connection lost", { error: e.message }) },
    ),
    // Bursts (e.g. many handlers acting on one ticket at once) queue for the pool's connections;
    // Prisma's default 2 s wait to start a transaction would turn a queue into errors.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

export const prisma: PrismaClient = globalForPrisma.__prisma ?? createPrismaClient();
if (env().NODE_ENV !== "production") globalForPrisma.__prisma = prisma;
