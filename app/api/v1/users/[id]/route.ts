import { apiHandler, readJson } from "@/lib/http/api";
import { parseInput } from "@/lib/validation";
import { requireUser, toUserDto } from "@/lib/users/queries";
import { updateUser } from "@/lib/users/service";
import { disableUserQuerySchema } from "@/lib/users/schemas";

type Params = { id: string };

export const GET = apiHandler<Params>(async ({ actor }, { id }) => toUserDto(await requireUser(actor, id)));

export const PATCH = apiHandler<Params>(async ({ actor, req }, { id }) => {
  const body = await readJson(req);
  // Scope first, so an id outside the caller's region is a 404 whatever the body says.
  await requireUser(actor, id);
  await updateUser(actor, id, body);
  return toUserDto(await requireUser(actor, id));
});

/** Users are never deleted (the audit log refers to them): DELETE disables the account. */
export const DELETE = apiHandler<Params>(
  async ({ actor, query }, { id }) => {
    const { version } = parseInput(disableUserQuerySchema, query);
    await requireUser(actor, id);
    await updateUser(actor, id, { disabled: true, version: Number(version) });
    return toUserDto(await requireUser(actor, id));
  },
  { query: disableUserQuerySchema },
);
