import { ComplianceReport, ReportedEvaluation } from './report';

const COLUMNS = [
  'config_rule_name', 'resource_type', 'resource_id', 'compliance_type', 'severity', 'annotation',
  'arn', 'aws_account_id', 'aws_region', 'configuration_item_capture_time', 'configuration_state_id', 'result_recorded_time',
] as const;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula; findings carry text from
 * resources (names, tags), so such a cell is prefixed with an apostrophe, as OWASP advises.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV's header row, with its line end. */
export const CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

/** One evaluation's row, with its line end. */
export function csvRow(evaluation: ReportedEvaluation): string {
  return `${[
    evaluation.configRuleName, evaluation.resourceType, evaluation.resourceId, evaluation.complianceType, evaluation.severity ?? '', evaluation.annotation,
    evaluation.arn ?? '', evaluation.awsAccountId ?? '', evaluation.awsRegion ?? '', evaluation.configurationItemCaptureTime ?? '',
    evaluation.configurationStateId ?? '', evaluation.resultRecordedTime ?? '',
  ].map(csvField).join(',')}\r\n`;
}

/** The report as CSV (RFC 4180): a header row, then one row per evaluation with its evidence (empty where the source has none); lines end with CRLF. */
export function renderCsv(report: ComplianceReport): string {
  return CSV_HEADER + report.evaluations.map(csvRow).join('');
}

const CONTROL_COLUMNS = [
  'framework', 'framework_version', 'control', 'status', 'rules', 'resources', 'compliant', 'non_compliant', 'exempt', 'not_applicable',
] as const;

/** The CSV header of control status, with its line end. */
export const CONTROLS_CSV_HEADER = `${CONTROL_COLUMNS.join(',')}\r\n`;

/**
 * The report's control status as CSV (RFC 4180): one row per control of each framework, in the
 * report's order; its rules separated by spaces. Only the header when the report shows no framework.
 */
export function renderControlsCsv(report: Pick<ComplianceReport, 'controls'>): string {
  const rows = Object.values(report.controls ?? {}).flatMap(({ name, version, controls }) =>
    Object.entries(controls).map(([control, { status, rules, resources }]) => `${[
      name, version ?? '', control, status, rules.join(' '),
      ...[resources.total, resources.compliant, resources.non_compliant, resources.exempt, resources.not_applicable].map(String),
    ].map(csvField).join(',')}\r\n`));
  return CONTROLS_CSV_HEADER + rows.join('');
}
