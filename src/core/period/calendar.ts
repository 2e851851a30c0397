/** The calendar periods a period report covers. */
export type PeriodLength = 'MONTH' | 'QUARTER';

const MONTHS: Record<PeriodLength, number> = { MONTH: 1, QUARTER: 3 };

export const PERIOD_LENGTHS: readonly PeriodLength[] = ['MONTH', 'QUARTER'];

export function isPeriodLength(value: unknown): value is PeriodLength {
  return PERIOD_LENGTHS.includes(value as PeriodLength);
}

/**
 * The last whole calendar month or quarter (UTC) that ended at or before `now`: a report run on
 * 2026-10-01 covers 2026-07-01T00:00Z to 2026-10-01T00:00Z.
 */
export function lastWholePeriod(length: PeriodLength, now: Date): { start: Date; end: Date } {
  const months = MONTHS[length];
  const month = now.getUTCMonth() - (now.getUTCMonth() % months);
  const end = new Date(Date.UTC(now.getUTCFullYear(), month, 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - months, 1));
  return { start, end };
}

/** The field of the aggregator's event that asks for a period report: `{"periodReport": "QUARTER"}`. */
export const PERIOD_REPORT_EVENT_FIELD = 'periodReport';

/** An event the aggregator cannot act on; the message says what is wrong, in one line. */
export class PeriodRequestError extends Error {}

/**
 * The length of the period whose report an aggregator event asks for; undefined for any other
 * event (the report schedule's), which asks for the snapshot report.
 */
export function periodReportRequest(event: unknown): PeriodLength | undefined {
  if (typeof event !== 'object' || event === null || !(PERIOD_REPORT_EVENT_FIELD in event)) {
    return undefined;
  }
  const length = (event as Record<string, unknown>)[PERIOD_REPORT_EVENT_FIELD];
  if (!isPeriodLength(length)) {
    throw new PeriodRequestError(`event.${PERIOD_REPORT_EVENT_FIELD} must be one of ${PERIOD_LENGTHS.join(', ')} (got ${JSON.stringify(length)})`);
  }
  return length;
}
