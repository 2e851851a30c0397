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
