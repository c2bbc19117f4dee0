// The kit's panel: the look of MUI's Paper with our theme (panel.css) as a plain element, and the
// titled head the console's cards share — for cards repeated across a page (figures, sections),
// where one Emotion-styled Paper each costs render time and inlined CSS. Server component.
import type { CSSProperties, HTMLAttributes, ReactNode } from "react";
import "./panel.css";

type Attrs = Omit<HTMLAttributes<HTMLElement>, "className" | "style"> &
  Record<`data-${string}`, string | number | undefined>;

export function Panel({
  as: Tag = "div",
  className,
  style,
  testId,
  children,
  ...rest
}: Attrs & {
  as?: "div" | "section";
  className?: string;
  style?: CSSProperties;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <Tag className={className ? `yb-paper ${className}` : "yb-paper"} style={style} data-testid={testId} {...rest}>
      {children}
    </Tag>
  );
}

/** A card's head (12 px 16 px over a divider) with its title as an h2 in the theme's h4 look. */
export function PanelHead({
  title,
  children,
  className,
}: {
  title: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div className={className ? `yb-panel-head ${className}` : "yb-panel-head"}>
      <h2 className="yb-h4">{title}</h2>
      {children}
    </div>
  );
}
