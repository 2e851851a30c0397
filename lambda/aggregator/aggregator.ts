import type { Context } from 'aws-lambda';
import { ReportStore } from './report-store';
import { Evaluation } from '../engine/types';
import { FindingStore } from '../findings/finding-store';
import { Logger } from '../logging/logger';
import { changesSince } from '../report/changes-since';
import { buildReport } from '../report/report';

/** What the aggregator works with; the entry point builds them once per container. */
export interface AggregatorDependencies {
  readonly findings: FindingStore;
  readonly reports: ReportStore;
  /** The deployed names of the set's rules. */
  readonly configRuleNames: readonly string[];
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * The aggregator's handler: each rule's current findings through the table's index, the report of
 * DESIGN.md with what changed since the previous one, written to the reports bucket.
 */
export function createAggregator(deps: AggregatorDependencies): (event: unknown, context: Context) => Promise<{ reportKey: string }> {
  return async (_event, context) => {
    const timestamp = (deps.now ?? (() => new Date()))();
    const evaluations: Evaluation[] = [];
    for (const configRuleName of deps.configRuleNames) {
      for (const finding of await deps.findings.currentFindings(configRuleName)) {
        evaluations.push({
          configRuleName,
          resourceType: finding.resourceType,
          resourceId: finding.resourceId,
          complianceType: finding.complianceType as Evaluation['complianceType'],
          annotation: finding.annotation ?? '',
        });
      }
    }
    const report = { ...buildReport(evaluations, timestamp), changes_since_previous: changesSince(await deps.reports.latest(), evaluations) };
    const reportKey = await deps.reports.write(report, timestamp);
    deps.logger.log('INFO', 'report written', {
      correlationId: context.awsRequestId, reportKey, evaluations: evaluations.length, compliancePercentage: report.summary.compliance_percentage,
    });
    return { reportKey };
  };
}
