// The class list of the kit's tag (components/ui/tag.tsx, kit.css), for the complaint tags that
// carry attributes the kit's <Tag> does not pass on (data-state, a tooltip's handlers).
import type { TagColor } from "@/components/ui/tag";

export function tagClassName(color: TagColor, variant: "filled" | "outlined"): string {
  return `yb-tag yb-${variant}${color === "default" ? "" : ` yb-${color}`}`;
}
