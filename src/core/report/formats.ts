import { renderControlsCsv, renderCsv } from './csv';
import { renderHtml } from './html';
import { ComplianceReport } from './report';

/** One way to write a report: its file extension, its content type, and the renderer. */
export interface ReportFormat {
  readonly extension: string;
  readonly contentType: string;
  render(report: ComplianceReport): string;
}

/** The renderings every report is written in, by the aggregator and by the CLI. */
export const REPORT_FORMATS = {
  'json': { extension: 'json', contentType: 'application/json', render: (report) => `${JSON.stringify(report, null, 2)}\n` },
  'csv': { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present', render: renderCsv },
  'html': { extension: 'html', contentType: 'text/html; charset=utf-8', render: renderHtml },
  /** Control status, one row per control of each framework the report shows. */
  'controls-csv': { extension: 'controls.csv', contentType: 'text/csv; charset=utf-8; header=present', render: renderControlsCsv },
} as const satisfies Record<string, ReportFormat>;
