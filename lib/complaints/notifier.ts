// Outbound notification channels (email, SMS) behind one interface. In-app notifications are
// rows in `notification`, written in the same transaction as the event; external delivery runs
// after commit through the configured adapter. The only adapter here logs the delivery — ids and
// ticket numbers only, never the complainant's data.
import { logger } from "../logger";

export interface OutboundMessage {
  userId: string;
  kind: string;
  ticketNumber: string | null;
}

export interface Notifier {
  deliver(messages: OutboundMessage[]): Promise<void>;
}

export const loggingNotifier: Notifier = {
  async deliver(messages) {
    for (const m of messages)
      logger.info("notification delivered", { channel: "log", kind: m.kind, userId: m.userId, ticket: m.ticketNumber });
  },
};

let current: Notifier = loggingNotifier;

export function notifier(): Notifier {
  return current;
}

/** Swap the adapter (an SMS gateway in production, a recorder in tests). */
export function setNotifier(n: Notifier): void {
  current = n;
}
