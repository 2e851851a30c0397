import { ComplianceReport, ReportedEvaluation } from '../src/core/report/report';

const ORDER: Record<ReportedEvaluation['complianceType'], number> = { NON_COMPLIANT: 0, EXEMPT: 1, COMPLIANT: 2, NOT_APPLICABLE: 3, INSUFFICIENT_DATA: 4 };
const COLUMNS = ['RESULT', 'RULE', 'RESOURCE TYPE', 'RESOURCE ID', 'ANNOTATION'];

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The report as a table for a terminal: non-compliant rows first, then the evaluations, the resources and the skipped items. */
export function renderText(report: ComplianceReport): string {
  const rows = [...report.evaluations]
    .sort((a, b) => ORDER[a.complianceType] - ORDER[b.complianceType])
    .map((e) => [e.complianceType, e.configRuleName, e.resourceType, e.resourceId, e.annotation]);
  // The last column is not padded, so long annotations do not widen every line.
  const widths = COLUMNS.slice(0, -1).map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < widths.length ? cell.padEnd(widths[column]) : cell)).join('  ');
  const { summary, resource_summary: resources, skipped_items: skipped } = report;
  const skippedTypes = skipped ? Object.entries(skipped.by_resource_type).map(([type, items]) => `${type} ${items}`).join(', ') : '';
  return [
    line(COLUMNS),
    ...rows.map(line),
    '',
    `Evaluations: ${summary.compliance_percentage}% compliant: ${summary.compliant} compliant, ${summary.non_compliant} non-compliant, ` +
      `${summary.exempt} exempt, ${summary.not_applicable} not applicable`,
    `Resources: ${resources.compliance_percentage}% compliant: ${resources.compliant} compliant, ${resources.non_compliant} non-compliant, ` +
      `${resources.exempt} only exempt, ${resources.not_applicable} only not applicable, of ${plural(resources.total, 'resource')}`,
    ...(skipped ? [`Skipped: ${plural(skipped.total, 'configuration item')} no rule judges${skippedTypes ? ` (${skippedTypes})` : ''}`] : []),
    '',
  ].join('\n');
}
