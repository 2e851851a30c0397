import type { PeriodFigures, PeriodOverview, PeriodResource } from './period-tally';
import { csvField } from '../report/csv';
import type { ReportedRule } from '../report/report';

/** The renderings of a period report: beside a run's other objects, named apart from a snapshot report's. */
export const PERIOD_FORMATS = {
  json: { extension: 'period.json', contentType: 'application/json' },
  csv: { extension: 'period.csv', contentType: 'text/csv; charset=utf-8; header=present' },
} as const;

/** What a period report states of itself: when it was generated, by which version, over which rules. */
export interface PeriodScope {
  readonly generated_at: string;
  readonly library_version: string;
  /** The first instant of the history read: states before it are known only as the state the first one replaced. */
  readonly history_from: string;
  readonly rules: readonly ReportedRule[];
}

/** A period report: its overview, then every resource it judged with its figures. */
export interface PeriodReport extends PeriodOverview {
  readonly scope?: PeriodScope;
  readonly resources: readonly PeriodResource[];
}

/**
 * One value of a JSON document indented by `depth` levels of two spaces, as `JSON.stringify(value, null, 2)` nests it:
 * stringified inside `depth` arrays, whose brackets are cut off, rather than a copy of each line with spaces added
 * (a period run renders every resource so).
 */
function indented(value: unknown, depth: number): string {
  let nested = value;
  for (let level = 0; level < depth; level++) {
    nested = [nested];
  }
  const text = JSON.stringify(nested, null, 2);
  // Level k opens with `[`, a line end and 2k spaces, and closes with a line end, 2(k - 1) spaces and `]`.
  return text.slice(2 * depth + depth * (depth + 1), text.length - (2 * depth + depth * (depth - 1)));
}

/**
 * The JSON period report in pieces, for a reporter that writes its resources as it measures them:
 * the period and scope, the resources one by one, then the figures known at the end. Joined, they
 * are one document with the keys of {@link PeriodReport}.
 */
export const periodJson = {
  head(period: PeriodOverview['period'], scope?: PeriodScope): string {
    const fields = [`"period": ${indented(period, 1)}`, ...(scope ? [`"scope": ${indented(scope, 1)}`] : [])];
    return `{\n  ${fields.join(',\n  ')},\n  "resources": [`;
  },

  /** One resource of the list; `first` for the first one. */
  resource(resource: PeriodResource, first: boolean): string {
    return `${first ? '\n    ' : ',\n    '}${indented(resource, 2)}`;
  },

  /** The end of the list and the overview's figures; `empty` when the list had no resource. */
  tail({ period: _written, ...overview }: PeriodOverview, empty: boolean): string {
    return `${empty ? '' : '\n  '}],\n${JSON.stringify(overview, null, 2).slice(2)}\n`;
  },
};

/** A whole period report as JSON, as the pieces of {@link periodJson} write it. */
export function renderPeriodJson(report: PeriodReport): string {
  const { scope, resources, ...overview } = report;
  return periodJson.head(overview.period, scope)
    + resources.map((resource, i) => periodJson.resource(resource, i === 0)).join('')
    + periodJson.tail(overview, resources.length === 0);
}

const COLUMNS = [
  'resource_type', 'resource_id', 'config_rule_name', 'compliant_seconds', 'non_compliant_seconds', 'exempt_seconds', 'compliant_percentage',
  'violations_open_at_start', 'violations_opened', 'violations_remediated', 'violations_ended_otherwise', 'violations_open_at_end',
  'remediations_measured', 'mean_seconds_to_remediate', 'longest_seconds_to_remediate',
] as const;

/** The period CSV's header row, with its line end. */
export const PERIOD_CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

function figureCells(figures: PeriodFigures): string[] {
  const { violations, time_to_remediate: remediation } = figures;
  return [
    figures.compliant_seconds, figures.non_compliant_seconds, figures.exempt_seconds, figures.compliant_percentage ?? '',
    violations.open_at_start, violations.opened, violations.remediated, violations.ended_otherwise, violations.open_at_end,
    remediation.measured, remediation.mean_seconds ?? '', remediation.longest_seconds ?? '',
  ].map(String);
}

/** A resource's rows, one per rule (RFC 4180, CRLF line ends). */
export function periodCsvRows(resource: PeriodResource): string {
  return resource.rules.map((rule) => `${[resource.resourceType, resource.resourceId, rule.configRuleName, ...figureCells(rule)]
    .map(csvField).join(',')}\r\n`).join('');
}

/** A whole period report as CSV: a header row, then one row per resource and rule. */
export function renderPeriodCsv(report: Pick<PeriodReport, 'resources'>): string {
  return PERIOD_CSV_HEADER + report.resources.map(periodCsvRows).join('');
}
