// A user's roles as outlined tags, the administrator's in the primary colour (user list, user
// page, profile).
import { Tag, Tags } from "@/components/ui/tag";
import type { Translate } from "@/lib/i18n";

export function RoleTags({ roles, t }: { roles: readonly string[]; t: Translate }) {
  return (
    <Tags>
      {roles.map((r) => (
        <Tag key={r} label={t(`roles.${r}`)} variant="outlined" color={r === "ADMIN" ? "primary" : "default"} />
      ))}
    </Tags>
  );
}
