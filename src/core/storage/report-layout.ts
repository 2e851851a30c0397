/**
 * Where reports go in the reports bucket, shared by the construct (which grants exactly this), the
 * aggregator (which writes it) and the CLI's `verify` (which reads it back). Pure data: no CDK import.
 */
export const REPORTS_PREFIX = 'reports/';
/** The newest report, read back to tell what changed since. */
export const LATEST_REPORT_KEY = `${REPORTS_PREFIX}latest.json`;
/** The latest report's HTML, beside `latest.json`: the page an auditor bookmarks. */
export const LATEST_HTML_KEY = `${REPORTS_PREFIX}latest.html`;
/** What a run's manifest ends with, in place of a rendering's extension. */
export const MANIFEST_EXTENSION = 'manifest.json';
/** A copy of the newest manifest, which names its own dated key: read back to link the next manifest to it. */
export const LATEST_MANIFEST_KEY = `${REPORTS_PREFIX}latest.${MANIFEST_EXTENSION}`;

/** `reports/YYYY/MM/DD/compliance-report-<timestamp>.<extension>`, in UTC. */
export function reportKey(timestamp: Date, extension = 'json'): string {
  const iso = timestamp.toISOString();
  return `${REPORTS_PREFIX}${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/compliance-report-${iso.replace(/[:.]/g, '-')}.${extension}`;
}

const DATED_MANIFEST = /^reports\/\d{4}\/\d{2}\/\d{2}\/compliance-report-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.manifest\.json$/;

/** Whether `key` is a run's dated manifest, as {@link reportKey} names it. Such keys sort in the order the runs were taken. */
export function isDatedManifestKey(key: string): boolean {
  return DATED_MANIFEST.test(key);
}
