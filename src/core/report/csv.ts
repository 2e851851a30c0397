import { ComplianceReport, ReportedEvaluation } from './report';

const COLUMNS = ['config_rule_name', 'resource_type', 'resource_id', 'compliance_type', 'severity', 'annotation'] as const;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula; findings carry text from
 * resources (names, tags), so such a cell is prefixed with an apostrophe, as OWASP advises.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break. */
function field(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV's header row, with its line end. */
export const CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

/** One evaluation's row, with its line end. */
export function csvRow(evaluation: ReportedEvaluation): string {
  return `${[
    evaluation.configRuleName, evaluation.resourceType, evaluation.resourceId, evaluation.complianceType, evaluation.severity ?? '', evaluation.annotation,
  ].map(field).join(',')}\r\n`;
}

/** The report as CSV (RFC 4180): a header row, then one row per evaluation; lines end with CRLF. */
export function renderCsv(report: ComplianceReport): string {
  return CSV_HEADER + report.evaluations.map(csvRow).join('');
}
