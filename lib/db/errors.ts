// Maps Prisma's known request errors to domain errors so callers never see P-codes.
import { ConflictError, NotFoundError } from "../errors";

interface PrismaKnownError {
  code: string;
  meta?: {
    target?: string[] | string;
    modelName?: string;
    // With driver adapters the constraint's fields arrive here instead of `target`.
    driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } };
  };
}

function isPrismaKnownError(e: unknown): e is PrismaKnownError {
  return (
    typeof e === "object" &&
    e !== null &&
    "code" in e &&
    typeof (e as { code: unknown }).code === "string" &&
    /^P\d{4}$/.test((e as { code: string }).code)
  );
}

/** Rethrows `e` as a DomainError when it is a recognised Prisma error. */
export function mapPrismaError(e: unknown): never {
  if (isPrismaKnownError(e)) {
    if (e.code === "P2002") {
      const target = e.meta?.target ?? e.meta?.driverAdapterError?.cause?.constraint?.fields;
      const fields = Array.isArray(target) ? target : target ? [target] : [];
      throw new ConflictError(
        "errors.duplicate",
        { fields: fields.join(", ") },
        Object.fromEntries(fields.map((f) => [f, [{ key: "errors.duplicateValue" }]])),
      );
    }
    if (e.code === "P2025") throw new NotFoundError();
  }
  throw e;
}
