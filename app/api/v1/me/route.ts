import { apiHandler } from "@/lib/http/api";

/** The caller as the API sees it: who, which bureau, which region scope, which roles. */
export const GET = apiHandler(async ({ actor }) => ({
  id: actor.id,
  username: actor.username,
  displayName: actor.displayName,
  bureau: {
    id: actor.bureauId,
    name: actor.bureauName,
    nameEn: actor.bureauNameEn,
    level: actor.bureauLevel,
    region: { code: actor.regionCode, name: actor.regionName },
  },
  roles: actor.roles,
}));
