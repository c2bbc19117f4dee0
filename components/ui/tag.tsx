// The kit's tag: MUI's small Chip look (kit.css) as plain markup, for statuses, regions and
// labels repeated down a list. Not interactive; use MUI's Chip where a chip is clicked or deleted.
import { forwardRef, type AnchorHTMLAttributes, type ReactNode } from "react";

export type TagColor = "default" | "primary" | "secondary" | "success" | "warning" | "error" | "info";

export function Tag({
  label,
  color = "default",
  variant = "filled",
  testId,
  title,
}: {
  label: ReactNode;
  color?: TagColor;
  variant?: "filled" | "outlined";
  testId?: string;
  title?: string;
}) {
  const className = [
    "yb-tag",
    variant === "outlined" ? "yb-outlined" : "yb-filled",
    color === "default" ? "" : `yb-${color}`,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <span className={className} data-testid={testId} title={title}>
      <span>{label}</span>
    </span>
  );
}

/** A tag that is a link (MUI's clickable Chip look); wrap it in MUI's Tooltip for a hover title. */
export const TagLink = forwardRef<
  HTMLAnchorElement,
  { href: string; label: ReactNode; color?: TagColor; variant?: "filled" | "outlined" } & Omit<
    AnchorHTMLAttributes<HTMLAnchorElement>,
    "color"
  >
>(function TagLink({ href, label, color = "default", variant = "filled", className, ...rest }, ref) {
  const classes = [
    "yb-tag",
    "yb-clickable",
    variant === "outlined" ? "yb-outlined" : "yb-filled",
    color === "default" ? "" : `yb-${color}`,
    className ?? "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <a ref={ref} href={href} className={classes} {...rest}>
      <span>{label}</span>
    </a>
  );
});

/** Tags in a wrapping row, 4 px apart. */
export function Tags({ children }: { children: ReactNode }) {
  return <span className="yb-tags">{children}</span>;
}
