import type { Context } from 'aws-lambda';
import { ReportStore } from './report-store';
import { CurrentFinding } from '../../src/core/findings/current-finding';
import { changesSince } from '../../src/core/report/changes-since';
import { buildReport, ReportedEvaluation } from '../../src/core/report/report';
import { meanTimeToRemediate } from '../../src/core/report/time-to-remediate';
import { FindingStore } from '../findings/finding-store';
import { Logger } from '../observability/logger';
import { observed, traced, Tracer } from '../observability/tracer';

/** What the aggregator works with; the entry point builds them once per container. */
export interface AggregatorDependencies {
  readonly findings: FindingStore;
  readonly reports: ReportStore;
  /** The deployed names of the set's rules. */
  readonly configRuleNames: readonly string[];
  readonly logger: Logger;
  readonly tracer: Tracer;
  readonly now?: () => Date;
}

/** A current finding as a report lists it; an exempt one gives its reason. */
function reportedEvaluation(finding: CurrentFinding): ReportedEvaluation {
  return {
    configRuleName: finding.configRuleName,
    resourceType: finding.resourceType,
    resourceId: finding.resourceId,
    complianceType: finding.complianceType as ReportedEvaluation['complianceType'],
    annotation: finding.exemptionReason ? `Exempt: ${finding.exemptionReason}` : finding.annotation ?? '',
    severity: finding.severity,
  };
}

/**
 * The aggregator's handler: each rule's current findings through the table's index, the report
 * with what changed since the previous one and the mean time to remediate per rule,
 * written to the reports bucket.
 */
export function createAggregator(deps: AggregatorDependencies): (event: unknown, context: Context) => Promise<{ reportKey: string }> {
  return observed(deps, async () => {
    const timestamp = (deps.now ?? (() => new Date()))();
    const findings = await traced(deps.tracer, 'read current findings', async () => {
      let current: CurrentFinding[] = [];
      for (const configRuleName of deps.configRuleNames) {
        current = current.concat(await deps.findings.currentFindings(configRuleName));
      }
      return current;
    });
    const evaluations = findings.map(reportedEvaluation);
    const previous = await traced(deps.tracer, 'read previous report', () => deps.reports.latest());
    const report = {
      ...buildReport(evaluations, timestamp),
      changes_since_previous: changesSince(previous, evaluations),
      mean_time_to_remediate: meanTimeToRemediate(findings),
    };
    const reportKey = await traced(deps.tracer, 'write report', () => deps.reports.write(report, timestamp));
    deps.logger.info('report written', { reportKey, evaluations: evaluations.length, compliancePercentage: report.summary.compliance_percentage });
    return { reportKey };
  });
}
