import type { ControlStatus } from './controls';
import {
  ComplianceCounts, compliancePercentage, ComplianceReport, detached, ReportedEvaluation, ReportOverview, ReportScope, ResourceSummary, SkippedItems,
} from './report';
import { SEVERITY_NAMES, severityRank } from '../rules/catalog';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: every character that could open markup or close an attribute is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

const COLORS = { compliant: '#2e7d32', nonCompliant: '#c62828', exempt: '#8d8d8d' } as const;

/** Inline styles only: the file is read offline and printed, and makes no request. */
const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #d0d0d0; padding-bottom: 0.2rem; margin-top: 2rem; }
.meta { color: #555; margin-top: 0; }
.headline { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
.percentage { font-size: 3rem; font-weight: 700; }
.resource-percentage { font-size: 2rem; font-weight: 700; }
.trend { color: #333; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
th { background: #f4f4f4; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
.severity { font-weight: 700; }
.severity-CRITICAL { color: #8e0000; }
.severity-HIGH { color: #c62828; }
.severity-MEDIUM { color: #a15c00; }
.severity-LOW { color: #555; }
.none { color: #555; font-style: italic; }
.status { font-weight: 700; white-space: nowrap; }
.status-COMPLIANT { color: ${COLORS.compliant}; }
.status-NON_COMPLIANT { color: ${COLORS.nonCompliant}; }
.status-INSUFFICIENT_DATA { color: #a15c00; }
.status-NOT_APPLICABLE { color: #555; }
details > summary { cursor: pointer; font-weight: 600; margin: 0.6rem 0; }
footer { margin-top: 2rem; color: #666; font-size: 0.8rem; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } section { break-inside: avoid; } h2 { break-after: avoid; } }
`;

interface RuleBar {
  readonly rule: string;
  readonly compliant: number;
  readonly nonCompliant: number;
  readonly exempt: number;
}

/** The most rows a table of evaluations shows: the page stays readable, and a reporter keeps no more than this. */
export const HTML_ROW_LIMIT = 1000;

function byUrgency(a: ReportedEvaluation, b: ReportedEvaluation): number {
  return severityRank(a.severity) - severityRank(b.severity)
    || a.configRuleName.localeCompare(b.configRuleName) || a.resourceId.localeCompare(b.resourceId);
}

/** An evaluation kept for the page, its strings copied out of whatever they were read from. */
function kept(evaluation: ReportedEvaluation): ReportedEvaluation {
  return {
    configRuleName: detached(evaluation.configRuleName),
    resourceType: detached(evaluation.resourceType),
    resourceId: detached(evaluation.resourceId),
    complianceType: evaluation.complianceType,
    annotation: detached(evaluation.annotation),
    severity: evaluation.severity === undefined ? undefined : detached(evaluation.severity),
    ...(evaluation.arn !== undefined ? { arn: detached(evaluation.arn) } : {}),
    ...(evaluation.configurationItemCaptureTime !== undefined
      ? { configurationItemCaptureTime: detached(evaluation.configurationItemCaptureTime) } : {}),
    ...(evaluation.resultRecordedTime !== undefined ? { resultRecordedTime: detached(evaluation.resultRecordedTime) } : {}),
  };
}

/** What the page shows of the evaluations themselves, collected one at a time in bounded memory. */
export interface HtmlHighlights {
  readonly ruleBars: readonly RuleBar[];
  /** The most urgent violations, at most {@link HTML_ROW_LIMIT}, by severity, rule and resource. */
  readonly violations: readonly ReportedEvaluation[];
  /** The first exempt evaluations, at most {@link HTML_ROW_LIMIT}, in report order. */
  readonly exemptions: readonly ReportedEvaluation[];
  /** The first compliant evaluations, at most {@link HTML_ROW_LIMIT}, in report order: the passing evidence. */
  readonly compliant: readonly ReportedEvaluation[];
  readonly totalViolations: number;
  readonly totalExemptions: number;
  readonly totalCompliant: number;
  /**
   * How many findings each list of changes has, for a reporter whose overview holds only their
   * first {@link HTML_ROW_LIMIT}: the lists' lengths when undefined.
   */
  readonly changeTotals?: ChangeTotals;
}

/** The lengths of the two lists of changes since the previous report. */
export interface ChangeTotals {
  readonly newlyNonCompliant: number;
  readonly newlyFixed: number;
}

function changeTotals(report: ReportOverview, highlights: HtmlHighlights): ChangeTotals {
  const changes = report.changes_since_previous;
  return highlights.changeTotals ?? { newlyNonCompliant: changes?.newly_non_compliant.length ?? 0, newlyFixed: changes?.newly_fixed.length ?? 0 };
}

/**
 * Collects the page's highlights from evaluations added one at a time: per rule its bar, the most
 * urgent violations and the first exemptions. It holds at most twice {@link HTML_ROW_LIMIT}
 * violations: past that it sorts them and keeps the most urgent half.
 */
export class HighlightsCollector {
  private readonly bars = new Map<string, { compliant: number; nonCompliant: number; exempt: number }>();
  private violations: ReportedEvaluation[] = [];
  private leastUrgent: ReportedEvaluation | undefined;
  private readonly exemptions: ReportedEvaluation[] = [];
  private readonly compliant: ReportedEvaluation[] = [];
  private totalViolations = 0;
  private totalExemptions = 0;
  private totalCompliant = 0;

  add(evaluation: ReportedEvaluation): void {
    const { configRuleName, complianceType } = evaluation;
    const bar = this.bars.get(configRuleName) ?? { compliant: 0, nonCompliant: 0, exempt: 0 };
    bar.compliant += complianceType === 'COMPLIANT' ? 1 : 0;
    bar.nonCompliant += complianceType === 'NON_COMPLIANT' ? 1 : 0;
    bar.exempt += complianceType === 'EXEMPT' ? 1 : 0;
    this.bars.set(configRuleName, bar);
    if (complianceType === 'NON_COMPLIANT') {
      this.totalViolations++;
      // Once the list is full, a violation no more urgent than the least urgent kept is left out at once.
      if (this.leastUrgent && byUrgency(evaluation, this.leastUrgent) >= 0) {
        return;
      }
      this.violations.push(kept(evaluation));
      if (this.violations.length === 2 * HTML_ROW_LIMIT) {
        this.violations = this.violations.sort(byUrgency).slice(0, HTML_ROW_LIMIT);
        this.leastUrgent = this.violations[HTML_ROW_LIMIT - 1];
      }
    } else if (complianceType === 'EXEMPT') {
      this.totalExemptions++;
      if (this.exemptions.length < HTML_ROW_LIMIT) {
        this.exemptions.push(kept(evaluation));
      }
    } else if (complianceType === 'COMPLIANT') {
      this.totalCompliant++;
      if (this.compliant.length < HTML_ROW_LIMIT) {
        this.compliant.push(kept(evaluation));
      }
    }
  }

  highlights(): HtmlHighlights {
    return {
      ruleBars: [...this.bars].map(([rule, counts]) => ({ rule, ...counts })).filter((bar) => bar.compliant + bar.nonCompliant + bar.exempt > 0),
      violations: [...this.violations].sort(byUrgency).slice(0, HTML_ROW_LIMIT),
      exemptions: this.exemptions,
      compliant: this.compliant,
      totalViolations: this.totalViolations,
      totalExemptions: this.totalExemptions,
      totalCompliant: this.totalCompliant,
    };
  }
}

/** Per rule, a bar of compliant, non-compliant and exempt evaluations, drawn as inline SVG. */
function ruleChart(bars: readonly RuleBar[]): string {
  if (bars.length === 0) {
    return '<p class="none">No rule has an evaluation that applies.</p>';
  }
  const labelWidth = 320;
  const barWidth = 440;
  const rowHeight = 26;
  const height = bars.length * rowHeight + 34;
  const rows = bars.map((bar, i) => {
    const total = bar.compliant + bar.nonCompliant + bar.exempt;
    const y = i * rowHeight;
    let x = labelWidth;
    const segments = (['compliant', 'nonCompliant', 'exempt'] as const).map((kind) => {
      const width = (bar[kind] / total) * barWidth;
      const segment = width > 0 ? `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${width.toFixed(1)}" height="${rowHeight - 8}" fill="${COLORS[kind]}"/>` : '';
      x += width;
      return segment;
    }).join('');
    return `<text x="${labelWidth - 8}" y="${y + rowHeight / 2 + 4}" text-anchor="end">${escapeHtml(bar.rule)}</text>${segments}` +
      `<text x="${labelWidth + barWidth + 8}" y="${y + rowHeight / 2 + 4}">${compliancePercentage(bar.compliant, bar.compliant + bar.nonCompliant)}%</text>`;
  }).join('');
  const legendY = bars.length * rowHeight + 20;
  const legend = ([['compliant', 'Compliant'], ['nonCompliant', 'Non-compliant'], ['exempt', 'Exempt']] as const).map(([kind, label], i) =>
    `<rect x="${labelWidth + i * 140}" y="${legendY - 10}" width="12" height="12" fill="${COLORS[kind]}"/><text x="${labelWidth + i * 140 + 18}" y="${legendY}">${label}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" width="100%" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" ` +
    `font-size="13" font-family="inherit"><title id="chart-title">Evaluations by rule: compliant, non-compliant and exempt</title>${rows}${legend}</svg>`;
}

/** A table of cells already escaped; `numeric` columns align right. */
function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, empty: string, numeric: ReadonlySet<number> = new Set()): string {
  if (rows.length === 0) {
    return `<p class="none">${escapeHtml(empty)}</p>`;
  }
  const cell = (tag: 'th' | 'td', column: number, html: string) => `<${tag}${numeric.has(column) ? ' class="number"' : ''}>${html}</${tag}>`;
  return `<table><thead><tr>${headers.map((header, i) => cell('th', i, escapeHtml(header))).join('')}</tr></thead>` +
    `<tbody>${rows.map((row) => `<tr>${row.map((html, i) => cell('td', i, html)).join('')}</tr>`).join('')}</tbody></table>`;
}

function severityCell(severity: string | undefined): string {
  const known = severityRank(severity) < SEVERITY_NAMES.length;
  return known ? `<span class="severity severity-${severity}">${severity}</span>` : '<span class="none">unknown</span>';
}

/** `2 d 4 h`, `3 h 30 min`, `45 min`, `30 s`. */
export function formatDuration(seconds: number): string {
  const units: Array<[string, number]> = [['d', 86_400], ['h', 3_600], ['min', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of units) {
    if (rest >= size || (unit === 's' && parts.length === 0)) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }
  return parts.slice(0, 2).join(' ');
}

function countsRows(groups: Record<string, ComplianceCounts>, extra: (key: string) => string[] = () => []): string[][] {
  return Object.entries(groups).map(([key, counts]) => [
    escapeHtml(key), String(counts.compliant), String(counts.non_compliant), `${compliancePercentage(counts.compliant, counts.total)}%`, ...extra(key),
  ]);
}

function trend(report: ReportOverview, totals: ChangeTotals): string {
  const changes = report.changes_since_previous;
  const previous = changes?.previous_compliance_percentage;
  if (!changes || previous === undefined) {
    return '';
  }
  const delta = Math.round((report.summary.compliance_percentage - previous) * 10) / 10;
  const direction = delta > 0 ? `▲ up ${delta.toFixed(1)} points` : delta < 0 ? `▼ down ${Math.abs(delta).toFixed(1)} points` : 'unchanged';
  return `<p class="trend">${direction} since the previous report (${previous}% on ${escapeHtml(changes.previous_report_timestamp ?? '')}): ` +
    `${totals.newlyNonCompliant} newly non-compliant, ${totals.newlyFixed} newly fixed.</p>`;
}

/** Says how many of a list's rows a table shows, when it cannot show them all. */
function shown(rows: number, total: number, where: string): string {
  return rows < total ? `<p class="meta">The ${rows.toLocaleString('en')} shown of ${total.toLocaleString('en')}; ${where}</p>` : '';
}

function changesSection(report: ReportOverview, totals: ChangeTotals): string {
  const changes = report.changes_since_previous;
  if (!changes?.previous_report_timestamp) {
    return '';
  }
  const rows = (findings: typeof changes.newly_fixed) => findings.slice(0, HTML_ROW_LIMIT).map((finding) =>
    [escapeHtml(finding.configRuleName), escapeHtml(finding.resourceType), `<span class="id">${escapeHtml(finding.resourceId)}</span>`]);
  const headers = ['Rule', 'Resource type', 'Resource'];
  const list = (findings: typeof changes.newly_fixed, total: number) =>
    `${shown(Math.min(findings.length, HTML_ROW_LIMIT), total, 'the JSON report lists them all.')}${table(headers, rows(findings), 'None.')}`;
  return `<section id="changes"><h2>Since the previous report</h2><h3>Newly non-compliant</h3>${list(changes.newly_non_compliant, totals.newlyNonCompliant)}` +
    `<h3>Newly fixed</h3>${list(changes.newly_fixed, totals.newlyFixed)}</section>`;
}

/** The failing resources of a control shown in its row: the most urgent violations of its rules, at most this many. */
const CONTROL_FAILURES_SHOWN = 5;

const STATUS_TEXT: Record<ControlStatus, string> = {
  COMPLIANT: 'Compliant', NON_COMPLIANT: 'Non-compliant', INSUFFICIENT_DATA: 'Insufficient data', NOT_APPLICABLE: 'No evidence',
};

/**
 * The control view: per framework, each control with its status, its rules, its resources and its
 * failing resources (from the page's violations, the most urgent first). Each framework in a
 * `<details>` element, open when a control fails: the page stays script-free.
 */
function controlsSection(report: ReportOverview, violations: readonly ReportedEvaluation[]): string {
  const frameworks = Object.values(report.controls ?? {});
  if (frameworks.length === 0) {
    return '';
  }
  const failingOf = (rules: readonly string[]) => {
    const failing = violations.filter((evaluation) => rules.includes(evaluation.configRuleName));
    const listed = failing.slice(0, CONTROL_FAILURES_SHOWN).map((evaluation) =>
      `<span class="id">${escapeHtml(evaluation.resourceId)}</span> (${escapeHtml(evaluation.configRuleName)})`);
    return [...listed, ...(failing.length > CONTROL_FAILURES_SHOWN ? [`and ${failing.length - CONTROL_FAILURES_SHOWN} more`] : [])].join('<br>');
  };
  const blocks = frameworks.map(({ name, version, controls }) => {
    const entries = Object.entries(controls);
    const failing = entries.filter(([, control]) => control.status === 'NON_COMPLIANT').length;
    const compliant = entries.filter(([, control]) => control.status === 'COMPLIANT').length;
    const rows = entries.map(([id, control]) => [
      `<span class="id">${escapeHtml(id)}</span>`,
      `<span class="status status-${control.status}">${STATUS_TEXT[control.status]}</span>`,
      control.rules.map(escapeHtml).join('<br>'),
      `${control.resources.non_compliant} of ${control.resources.total}`,
      failingOf(control.rules),
    ]);
    const title = `${escapeHtml(name)}${version ? ` ${escapeHtml(version)}` : ''}: ${compliant} of ${entries.length} controls compliant, ${failing} non-compliant`;
    return `<details${failing > 0 ? ' open' : ''}><summary>${title}</summary>` +
      `${table(['Control', 'Status', 'Rules', 'Non-compliant resources', 'Failing resources'], rows, 'No rule of the set maps to this framework.')}</details>`;
  });
  return '<section id="controls"><h2>Controls</h2><p class="meta">A control is compliant when every evaluation of its rules is compliant or exempt; ' +
    `"no evidence" when none of its rules judged a resource. Failing resources are those of the non-compliant evaluations listed below.</p>${blocks.join('')}</section>`;
}

/** What the report covers: accounts, regions, the data's as-of time, the library's version, and the rules. */
function scopeSection(scope: ReportScope | undefined): string {
  if (!scope) {
    return '';
  }
  const list = (values: readonly string[], none: string) => (values.length > 0 ? values.map((value) => `<span class="id">${escapeHtml(value)}</span>`).join(', ') : none);
  const facts = [
    ['Accounts', list(scope.accounts, 'not recorded')],
    ['Regions', list(scope.regions, 'not recorded')],
    ['Data as of', scope.data_as_of ? escapeHtml(scope.data_as_of) : 'no configuration item or result'],
    ['Generated', escapeHtml(scope.generated_at)],
    ['Generated by', `cdk-compliance-monitor ${escapeHtml(scope.library_version)}`],
  ];
  const rules = scope.rules.map((rule) => [
    `<span class="id" id="rule-${escapeHtml(rule.config_rule_name)}">${escapeHtml(rule.config_rule_name)}</span>`,
    severityCell(rule.severity),
    rule.parameters && Object.keys(rule.parameters).length > 0
      ? Object.entries(rule.parameters).map(([name, value]) => `${escapeHtml(name)}=${escapeHtml(value)}`).join('<br>') : (rule.parameters ? 'none' : 'not recorded'),
    escapeHtml(rule.description ?? ''),
    `${escapeHtml(rule.remediation ?? '')}${rule.aws_page ? ` <a href="${escapeHtml(rule.aws_page)}">AWS page</a>` : ''}`,
  ]);
  return `<section id="scope"><h2>Scope</h2>${table(['Of the report', ''], facts, '')}` +
    `<h3>Rules (${scope.rules.length})</h3>${table(['Rule', 'Severity', 'Parameters', 'What it checks', 'How to fix'], rules, 'No rule.')}</section>`;
}

/** A rule's name, linked to its row of the scope (what it checks, how to fix) when the report has one. */
function ruleCell(configRuleName: string, scope: ReportScope | undefined): string {
  const name = escapeHtml(configRuleName);
  return scope?.rules.some((rule) => rule.config_rule_name === configRuleName) ? `<a href="#rule-${name}">${name}</a>` : name;
}

/** The passing evidence, behind a `<details>` element: the page stays script-free, and short. */
function compliantSection(highlights: HtmlHighlights): string {
  const rows = highlights.compliant.map((evaluation) => [
    escapeHtml(evaluation.configRuleName), escapeHtml(evaluation.resourceType), `<span class="id">${escapeHtml(evaluation.arn ?? evaluation.resourceId)}</span>`,
    escapeHtml(evaluation.configurationItemCaptureTime ?? evaluation.resultRecordedTime ?? ''), escapeHtml(evaluation.annotation),
  ]);
  return `<section id="compliant"><h2>Compliant evaluations (${highlights.totalCompliant})</h2><details><summary>The passing evidence</summary>` +
    `${shown(rows.length, highlights.totalCompliant, 'the CSV report lists them all.')}` +
    `${table(['Rule', 'Resource type', 'Resource', 'Captured or recorded', 'Annotation'], rows, 'No evaluation is compliant.')}</details></section>`;
}

function resourcesSection(resources: ResourceSummary): string {
  return `<section id="resources"><h2>Resources</h2><div class="headline"><span class="resource-percentage">${resources.compliance_percentage}%</span>` +
    `<span>of resources compliant: ${resources.compliant} compliant, ${resources.non_compliant} non-compliant, ${resources.exempt} only exempt, ` +
    `${resources.not_applicable} only not applicable, of ${resources.total}</span></div>` +
    '<p class="meta">A resource is compliant when none of its evaluations is non-compliant and at least one is compliant; non-compliant when any is. ' +
    'A resource whose only violations are exempt, or that no rule judged, is counted apart.</p></section>';
}

function skippedSection(skipped: SkippedItems | undefined): string {
  if (!skipped) {
    return '';
  }
  const rows = Object.entries(skipped.by_resource_type).map(([type, items]) => [escapeHtml(type), String(items)]);
  return `<section id="skipped"><h2>Skipped items (${skipped.total})</h2><p class="meta">Configuration items that no rule of the set judges.</p>` +
    `${table(['Resource type', 'Items'], rows, 'No item was skipped.', new Set([1]))}</section>`;
}

/**
 * The report as one self-contained HTML page an auditor can read and print: no script, no style
 * sheet, font or image fetched; every text that comes from findings is escaped.
 */
export function renderHtml(report: ComplianceReport): string {
  const collector = new HighlightsCollector();
  for (const evaluation of report.evaluations) {
    collector.add(evaluation);
  }
  return renderHtmlOverview(report, collector.highlights());
}

/** The page of a report whose evaluations are not at hand: their highlights stand for them. */
export function renderHtmlOverview(report: ReportOverview, highlights: HtmlHighlights): string {
  const { summary } = report;
  const { violations, exemptions } = highlights;
  const timeToRemediate = report.mean_time_to_remediate;
  const byRule = countsRows(report.by_rule, (rule) => {
    if (!timeToRemediate) {
      return [];
    }
    const figure = timeToRemediate[rule];
    return [figure ? `${formatDuration(figure.mean_seconds)} (${figure.remediated_findings})` : '–'];
  });
  const timestamp = escapeHtml(report.report_timestamp);
  const totals = changeTotals(report, highlights);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Compliance report ${timestamp}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Compliance report</h1><p class="meta">Taken ${timestamp} · ${summary.total_resources} resources · ${summary.total_evaluations} evaluations</p></header>
<section id="summary">
<div class="headline"><span class="percentage">${summary.compliance_percentage}%</span><span>of evaluations compliant: ${summary.compliant} compliant, ${summary.non_compliant} non-compliant, ` +
  `${summary.exempt} exempt, ${summary.not_applicable} not applicable</span></div>
${trend(report, totals)}
</section>
${resourcesSection(report.resource_summary)}
${scopeSection(report.scope)}
${controlsSection(report, violations)}
<section id="chart"><h2>Compliance by rule</h2>${ruleChart(highlights.ruleBars)}</section>
<section id="non-compliant"><h2>Non-compliant evaluations (${highlights.totalViolations})</h2>
${shown(violations.length, highlights.totalViolations, 'the most severe first; the CSV report lists them all.')}
${table(['Severity', 'Rule', 'Resource type', 'Resource', 'Annotation'], violations.map((evaluation) => [
  severityCell(evaluation.severity), ruleCell(evaluation.configRuleName, report.scope), escapeHtml(evaluation.resourceType),
  `<span class="id">${escapeHtml(evaluation.resourceId)}</span>`, escapeHtml(evaluation.annotation),
]), 'No resource is non-compliant.')}
</section>
<section id="by-rule"><h2>By rule</h2>
${table(['Rule', 'Compliant', 'Non-compliant', 'Compliance', ...(timeToRemediate ? ['Mean time to remediate (fixed)'] : [])], byRule, 'No rule applies.', new Set([1, 2, 3]))}
</section>
<section id="by-resource-type"><h2>By resource type</h2>
${table(['Resource type', 'Compliant', 'Non-compliant', 'Compliance'], countsRows(report.by_resource_type), 'No resource type applies.', new Set([1, 2, 3]))}
</section>
<section id="exemptions"><h2>Exemptions (${highlights.totalExemptions})</h2>
${shown(exemptions.length, highlights.totalExemptions, 'the CSV report lists them all.')}
${table(['Rule', 'Resource type', 'Resource', 'Reason'], exemptions.map((evaluation) => [
  escapeHtml(evaluation.configRuleName), escapeHtml(evaluation.resourceType), `<span class="id">${escapeHtml(evaluation.resourceId)}</span>`, escapeHtml(evaluation.annotation),
]), 'No violation is exempt.')}
</section>
${compliantSection(highlights)}
${skippedSection(report.skipped_items)}
${changesSection(report, totals)}
<footer>Generated by cdk-compliance-monitor. Compliance counts compliant and non-compliant evaluations; exempt ones and those that do not apply are counted apart. ` +
  `The resource view counts each resource once, from all its evaluations.</footer>
</body>
</html>
`;
}
