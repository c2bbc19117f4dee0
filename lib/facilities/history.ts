// "What did institution X look like on date D?" over its dated rows. Pure: the queries load the
// rows, these functions answer. A service period is [openedOn, closedOn): closedOn is the first
// day the service is no longer offered. A status event holds from its effective date until
// the next event's.
import type { ChronicDisease, InstitutionStatus, ServiceKind } from "./codes";

export interface ServicePeriod {
  service: ServiceKind;
  diseases: ChronicDisease[];
  openedOn: string;
  closedOn: string | null;
  closeReason?: string | null;
}

export interface StatusEventLike {
  status: InstitutionStatus;
  effectiveOn: string;
  reason: string;
  /** Insertion order, to break ties between events of the same day. */
  seq: number;
}

export function isOpenOn(p: Pick<ServicePeriod, "openedOn" | "closedOn">, date: string): boolean {
  return p.openedOn <= date && (p.closedOn === null || date < p.closedOn);
}

/** The periods in force on `date`, in service order. */
export function servicesOnDate<P extends ServicePeriod>(periods: readonly P[], date: string): P[] {
  const order = ["INPATIENT", "OUTPATIENT", "CHRONIC", "PHARMACY"];
  return periods.filter((p) => isOpenOn(p, date)).sort((a, b) => order.indexOf(a.service) - order.indexOf(b.service));
}

/** The status in force on `date` (null before the first event: not yet designated). */
export function statusOnDate(
  events: readonly StatusEventLike[],
  date: string,
): { status: InstitutionStatus; since: string; reason: string } | null {
  let best: StatusEventLike | null = null;
  for (const e of events) {
    if (e.effectiveOn > date) continue;
    if (!best || e.effectiveOn > best.effectiveOn || (e.effectiveOn === best.effectiveOn && e.seq > best.seq)) best = e;
  }
  return best ? { status: best.status, since: best.effectiveOn, reason: best.reason } : null;
}
