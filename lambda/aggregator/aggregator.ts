import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { currentFindingsByResource } from './current-findings';
import { ReportStore, ReportWriter } from './report-store';
import { CurrentFinding } from '../../src/core/findings/current-finding';
import { ChangesTracker } from '../../src/core/report/changes-since';
import { CSV_HEADER, csvRow } from '../../src/core/report/csv';
import { HighlightsCollector, renderHtmlOverview } from '../../src/core/report/html';
import { jsonReport } from '../../src/core/report/json';
import { ReportedEvaluation, reportTimestamp, ReportTally } from '../../src/core/report/report';
import { RemediationTimes } from '../../src/core/report/time-to-remediate';
import { Logger } from '../observability/logger';
import { observed, traced, Tracer } from '../observability/tracer';

/** What the aggregator works with; the entry point builds them once per container. */
export interface AggregatorDependencies {
  readonly documents: DynamoDBDocumentClient;
  readonly findingsTable: string;
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

/** What the report keeps of its evaluations while it streams them: counts, changes, highlights. */
interface Folds {
  readonly tally: ReportTally;
  readonly changes: ChangesTracker;
  readonly remediation: RemediationTimes;
  readonly highlights: HighlightsCollector;
}

/**
 * Reads the findings resource by resource and writes each batch's JSON and CSV as it comes, folding
 * it into the counts; a resource is closed when the next resource id begins. Returns the evaluations written.
 */
async function streamEvaluations(deps: AggregatorDependencies, writer: ReportWriter, folds: Folds): Promise<number> {
  let written = 0;
  let resourceId: string | undefined;
  for await (const batch of currentFindingsByResource(deps.documents, deps.findingsTable, deps.configRuleNames)) {
    let json = '';
    let csv = '';
    for (const finding of batch) {
      if (finding.resourceId !== resourceId) {
        folds.tally.closeResources();
        resourceId = finding.resourceId;
      }
      const evaluation = reportedEvaluation(finding);
      folds.tally.add(evaluation);
      folds.changes.add(evaluation);
      folds.remediation.add(finding);
      folds.highlights.add(evaluation);
      json += jsonReport.evaluation(evaluation, written === 0);
      csv += csvRow(evaluation);
      written++;
    }
    await writer.write(json, csv);
  }
  return written;
}

/**
 * The aggregator's handler: each rule's current findings through the table's index, merged by
 * resource, the report with what changed since the previous one and the mean time to remediate per
 * rule, streamed to the reports bucket. Memory holds a few pages of findings, a few parts of each
 * upload, and what the HTML shows: counts, the previous and new violations' keys, the highlights.
 */
export function createAggregator(deps: AggregatorDependencies): (event: unknown, context: Context) => Promise<{ reportKey: string }> {
  return observed(deps, async () => {
    const timestamp = (deps.now ?? (() => new Date()))();
    const previous = await traced(deps.tracer, 'read previous report', () => deps.reports.previous());
    const folds: Folds = {
      tally: new ReportTally(), changes: new ChangesTracker(previous), remediation: new RemediationTimes(), highlights: new HighlightsCollector(),
    };
    const writer = deps.reports.open(timestamp);
    try {
      await writer.write(jsonReport.head(reportTimestamp(timestamp)), CSV_HEADER);
      const written = await traced(deps.tracer, 'read current findings', () => streamEvaluations(deps, writer, folds));
      const { report_timestamp: taken, ...figures } = folds.tally.overview(timestamp);
      const overview = { ...figures, changes_since_previous: folds.changes.changes(), mean_time_to_remediate: folds.remediation.perRule() };
      const html = renderHtmlOverview({ report_timestamp: taken, ...overview }, folds.highlights.highlights());
      const reportKey = await traced(deps.tracer, 'write report', () => writer.finish(jsonReport.tail(overview, written === 0), html));
      deps.logger.info('report written', { reportKey, evaluations: written, compliancePercentage: overview.summary.compliance_percentage });
      return { reportKey };
    } catch (error) {
      await writer.abort();
      throw error;
    }
  });
}
