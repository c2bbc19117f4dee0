// The kit's record layout: a Section (titled card with an optional subtitle and an action on
// the right), a FactGrid (label over value, one to three columns by width) and a StatCard (one
// figure with its label, unit and definition, optionally a link to the list behind it).
// Server components, plain markup (section.css) on the Panel look.
import type { ReactNode } from "react";
import Link from "next/link";
import { Panel } from "./panel";
import "./section.css";

export function Section({
  title,
  subtitle,
  action,
  children,
  testId,
  padded = false,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons or links on the right of the title. */
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** Pad the body (text and forms); tables and fact grids bring their own spacing. */
  padded?: boolean;
}) {
  return (
    <Panel as="section" className="yb-section" testId={testId}>
      <div className="yb-panel-head yb-section-head">
        <div className="yb-section-titles">
          <h2 className="yb-h4">{title}</h2>
          {subtitle && <p className="yb-body2 yb-section-subtitle">{subtitle}</p>}
        </div>
        {action && <div className="yb-section-action">{action}</div>}
      </div>
      {padded ? <div className="yb-section-body">{children}</div> : children}
    </Panel>
  );
}

export interface Fact {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
  /** Spans the whole row (addresses, notes). */
  wide?: boolean;
}

/** Facts of a record, label over value: one column on a phone, `columns` (2 or 3) from 600/900 px. */
export function FactGrid({
  facts,
  columns = 3,
  testId,
}: {
  facts: (Fact | null | false | undefined)[];
  columns?: 2 | 3;
  testId?: string;
}) {
  return (
    <dl className={`yb-facts yb-facts-${columns}`} data-testid={testId}>
      {facts
        .filter((f): f is Fact => Boolean(f))
        .map((f, i) => (
          <div key={i} className={f.wide ? "yb-fact yb-fact-wide" : "yb-fact"}>
            <dt className="yb-caption">{f.label}</dt>
            <dd className="yb-body2 yb-fact-value" data-testid={f.testId}>
              {f.value}
            </dd>
          </div>
        ))}
    </dl>
  );
}

/** One figure: label, value (with its unit), the definition (口径) below, optionally a link to its list. */
export function StatCard({
  label,
  value,
  unit,
  note,
  href,
  testId,
}: {
  label: ReactNode;
  value: ReactNode;
  unit?: ReactNode;
  note?: ReactNode;
  href?: string;
  testId?: string;
}) {
  const body = (
    <>
      <div className="yb-body2 yb-stat-label">{label}</div>
      <div className="yb-stat-value" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
        {unit && <span className="yb-body2 yb-stat-unit">{unit}</span>}
      </div>
      {note && <div className="yb-caption yb-stat-note">{note}</div>}
    </>
  );
  return (
    <Panel className="yb-stat" testId={testId}>
      {href ? (
        <Link href={href} prefetch={false} className="yb-stat-link">
          {body}
        </Link>
      ) : (
        <div className="yb-stat-body">{body}</div>
      )}
    </Panel>
  );
}
