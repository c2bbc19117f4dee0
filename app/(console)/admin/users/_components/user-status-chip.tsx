import Chip from "@mui/material/Chip";
import type { UserStatus } from "@/lib/users/queries";

const COLOR = { active: "success", disabled: "default", locked: "warning" } as const;
const KEY = { active: "admin.users.statusActive", disabled: "admin.users.statusDisabled", locked: "admin.users.statusLocked" } as const;

export function UserStatusChip({ status, t }: { status: UserStatus; t: (key: string) => string }) {
  return (
    <Chip
      label={t(KEY[status])}
      color={COLOR[status]}
      variant={status === "active" ? "outlined" : "filled"}
      data-testid={`status-${status}`}
    />
  );
}
