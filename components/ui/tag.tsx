// The kit's tag: MUI's small Chip look (kit.css) as plain markup, for statuses, regions and
// labels repeated down a list. Not interactive; use MUI's Chip where a chip is clicked or deleted.
import type { ReactNode } from "react";

export type TagColor = "default" | "primary" | "secondary" | "success" | "warning" | "error" | "info";

export function Tag({ label, color = "default", variant = "filled", testId, title }: { label: ReactNode; color?: TagColor; variant?: "filled" | "outlined"; testId?: string; title?: string }) {
  const className = ["yb-tag", variant === "outlined" ? "yb-outlined" : "yb-filled", color === "default" ? "" : `yb-${color}`].filter(Boolean).join(" ");
  return (
    <span className={className} data-testid={testId} title={title}>
      <span>{label}</span>
    </span>
  );
}

/** Tags in a wrapping row, 4 px apart. */
export function Tags({ children }: { children: ReactNode }) {
  return <span className="yb-tags">{children}</span>;
}
