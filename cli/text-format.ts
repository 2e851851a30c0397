import { ComplianceReport, ReportedEvaluation } from '../src/core/report/report';

const ORDER: Record<ReportedEvaluation['complianceType'], number> = { NON_COMPLIANT: 0, EXEMPT: 1, COMPLIANT: 2, NOT_APPLICABLE: 3, INSUFFICIENT_DATA: 4 };
const COLUMNS = ['RESULT', 'RULE', 'RESOURCE TYPE', 'RESOURCE ID', 'ANNOTATION'];

/** The report as a table for a terminal: non-compliant rows first, then a summary line. */
export function renderText(report: ComplianceReport): string {
  const rows = [...report.evaluations]
    .sort((a, b) => ORDER[a.complianceType] - ORDER[b.complianceType])
    .map((e) => [e.complianceType, e.configRuleName, e.resourceType, e.resourceId, e.annotation]);
  // The last column is not padded, so long annotations do not widen every line.
  const widths = COLUMNS.slice(0, -1).map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < widths.length ? cell.padEnd(widths[column]) : cell)).join('  ');
  const { summary } = report;
  return [
    line(COLUMNS),
    ...rows.map(line),
    '',
    `${summary.compliance_percentage}% compliant: ${summary.compliant} compliant, ${summary.non_compliant} non-compliant, ` +
      `${summary.not_applicable} not applicable, over ${summary.total_resources} resource${summary.total_resources === 1 ? '' : 's'}`,
    '',
  ].join('\n');
}
