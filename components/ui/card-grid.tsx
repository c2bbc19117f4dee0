// A grid of cards (card-grid.css): the dashboard's figures and panels, the home page's job cards.
// `span` says how wide a cell is from its breakpoint on — half from 900 px, a third or a quarter
// in two columns from 600 px, then three or four from 1200 px; a phone always gets one column.
// Server-safe (no hooks); `CARD` is the class of a padded card in a cell.
import type { ReactNode } from "react";
import "./panel.css";
import "./card-grid.css";

/** The class of a card: the kit's paper (panel.css), padded, filling its cell. */
export const CARD = "yb-paper yb-card";

export function CardGrid({
  children,
  className,
  testId,
  as: Tag = "div",
  label,
}: {
  children: ReactNode;
  className?: string;
  testId?: string;
  as?: "div" | "section";
  label?: string;
}) {
  return (
    <Tag className={className ? `yb-grid ${className}` : "yb-grid"} data-testid={testId} aria-label={label}>
      {children}
    </Tag>
  );
}

export function GridCell({
  span = "full",
  children,
  testId,
}: {
  span?: "full" | "half" | "third" | "quarter";
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className={span === "full" ? "yb-cell" : `yb-cell yb-cell-${span}`} data-testid={testId}>
      {children}
    </div>
  );
}
