// A user's status as a kit tag (the look of MUI's small chip; the user list repeats it per row).
import { Tag } from "@/components/ui/tag";
import type { UserStatus } from "@/lib/users/queries";

const COLOR = { ACTIVE: "success", DISABLED: "default", LOCKED: "warning" } as const;
const KEY = {
  ACTIVE: "admin.users.statusActive",
  DISABLED: "admin.users.statusDisabled",
  LOCKED: "admin.users.statusLocked",
} as const;

export function UserStatusChip({ status, t }: { status: UserStatus; t: (key: string) => string }) {
  return (
    <Tag
      label={t(KEY[status])}
      color={COLOR[status]}
      variant={status === "ACTIVE" ? "outlined" : "filled"}
      testId={`status-${status.toLowerCase()}`}
    />
  );
}
