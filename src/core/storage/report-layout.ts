/**
 * Where reports go in the reports bucket, shared by the construct (which grants exactly this) and
 * the aggregator (which writes it). Pure data: no CDK import.
 */
export const REPORTS_PREFIX = 'reports/';
/** The newest report, read back to tell what changed since. */
export const LATEST_REPORT_KEY = `${REPORTS_PREFIX}latest.json`;
