import { aws_events as events } from 'aws-cdk-lib';
import type { PeriodLength } from '../core/period/calendar';

/**
 * How often the aggregator writes a period report, and the period each covers: the last whole
 * calendar month or quarter (UTC) before the run.
 */
export class ReportPeriod {
  /** A report of each calendar month, written on the 1st of the next. */
  public static readonly MONTHLY = new ReportPeriod('MONTH', 31, '*');
  /** A report of each calendar quarter, written on 1 January, April, July and October. */
  public static readonly QUARTERLY = new ReportPeriod('QUARTER', 92, '1,4,7,10');

  /** The period's length as the aggregator's event names it: `MONTH` or `QUARTER`. */
  public readonly length: string;
  /** The longest such period in days: the findings must be kept at least a day longer, or its history expires before it is read. */
  public readonly longestDays: number;
  /**
   * When the report is written: 12:00 UTC on the first day after the period. By then a 6-hourly
   * sweep has caught up what events missed near the period's end.
   */
  public readonly schedule: events.Schedule;

  private constructor(length: PeriodLength, longestDays: number, months: string) {
    this.length = length;
    this.longestDays = longestDays;
    this.schedule = events.Schedule.cron({ minute: '0', hour: '12', day: '1', month: months });
  }
}
