// A page's main column with a narrower one beside it from 1200 px (two thirds / one third),
// stacked below that. The children are usually Sections (they bring their own bottom margin).
import type { ReactNode } from "react";
import "./split.css";

export function Split({ children }: { children: ReactNode }) {
  return <div className="yb-split">{children}</div>;
}
