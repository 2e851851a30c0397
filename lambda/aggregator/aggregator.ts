import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { currentFindingsByResource } from './current-findings';
import { writePeriodReport } from './period-run';
import { PreviousReportFigures } from './previous-report';
import { PreviousReportStream, ReportStore, ReportWriter } from './report-store';
import { SpilledChanges } from './spilled-changes';
import { CurrentFinding } from '../../src/core/findings/current-finding';
import { periodReportRequest } from '../../src/core/period';
import { ChangesMerge, ChangesSincePrevious } from '../../src/core/report/changes-since';
import type { ReportFramework } from '../../src/core/report/controls';
import { CSV_HEADER, csvRow, renderControlsCsv } from '../../src/core/report/csv';
import { HighlightsCollector, renderHtmlOverview } from '../../src/core/report/html';
import { jsonReport } from '../../src/core/report/json';
import { ReportedEvaluation, ReportOptions, reportTimestamp, ReportTally } from '../../src/core/report/report';
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
  /** The frameworks whose controls the report shows, each rule under its deployed name; none when absent. */
  readonly frameworks?: readonly ReportFramework[];
  /** The report's scope: the library's version and the set's rules; none when absent. */
  readonly scope?: ReportOptions['scope'];
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
    awsAccountId: finding.awsAccountId,
    awsRegion: finding.awsRegion,
    resultRecordedTime: finding.recordedAt,
  };
}

/** What the report keeps of its evaluations while it streams them: counts, changes, highlights. */
interface Folds {
  readonly tally: ReportTally;
  readonly changes: ChangesMerge;
  readonly remediation: RemediationTimes;
  readonly highlights: HighlightsCollector;
}

/** What one run reads and writes beside the findings. */
interface ReportRun {
  readonly writer: ReportWriter;
  readonly folds: Folds;
  readonly previous: PreviousReader;
  readonly spilled: SpilledChanges;
}

/** The previous report's violations, read as the merge asks for them. */
class PreviousReader {
  private ended = false;
  private figures: PreviousReportFigures | undefined;

  constructor(private readonly stream: PreviousReportStream | undefined) {}

  /** Reads the next violations into the merge, or tells it that there are no more. */
  async readInto(merge: ChangesMerge): Promise<void> {
    const next = await this.stream!.violations.next();
    if (next.done) {
      this.ended = true;
      this.figures = next.value;
      merge.endPrevious();
    } else {
      merge.addPrevious(next.value);
    }
  }

  /** Reads the rest into the merge: its time and percentage, known at its end. */
  async readToEnd(merge: ChangesMerge): Promise<PreviousReportFigures | undefined> {
    while (this.stream && !this.ended) {
      await this.readInto(merge);
    }
    return this.figures;
  }

  /** Stops reading, and releases the report's response. */
  async close(): Promise<void> {
    await this.stream?.violations.return(undefined as never);
    this.stream?.close();
  }
}

/**
 * Reads the findings resource by resource and writes each batch's JSON and CSV as it comes, folding
 * it into the counts; a resource is closed when the next resource id begins, and the previous
 * report read up to it. Returns the evaluations written.
 */
async function streamEvaluations(deps: AggregatorDependencies, { writer, folds, previous, spilled }: ReportRun): Promise<number> {
  let written = 0;
  let resourceId: string | undefined;
  for await (const batch of currentFindingsByResource(deps.documents, deps.findingsTable, deps.configRuleNames)) {
    let json = '';
    let csv = '';
    for (const finding of batch) {
      if (finding.resourceId !== resourceId) {
        folds.tally.closeResources();
        resourceId = finding.resourceId;
        while (folds.changes.openResource(resourceId)) {
          await previous.readInto(folds.changes);
        }
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
    await Promise.all([writer.write(json, csv), spilled.drained()]);
  }
  return written;
}

/**
 * The aggregator's handler: each rule's current findings through the table's index, merged by
 * resource, the report with what changed since the previous one and the mean time to remediate per
 * rule, streamed to the reports bucket. The previous report is read beside the findings, in the same
 * resource id order, and the changes spilled to temporary storage as they are found. Memory holds a
 * few pages of findings and of the previous report, a few parts of each upload, and what the HTML
 * shows: counts and the first rows of its tables.
 */
export function createAggregator(deps: AggregatorDependencies): (event: unknown, context: Context) => Promise<{ reportKey: string }> {
  return observed(deps, async (event) => {
    const timestamp = (deps.now ?? (() => new Date()))();
    const periodLength = periodReportRequest(event);
    if (periodLength !== undefined) {
      return writePeriodReport(deps, periodLength, timestamp);
    }
    // Read first, whole: a manifest the chain cannot go on from fails the run before anything is opened.
    const previousManifest = await traced(deps.tracer, 'read latest manifest', () => deps.reports.previousManifest());
    const previousReport = await traced(deps.tracer, 'open previous report', () => deps.reports.previous());
    const previous = new PreviousReader(previousReport);
    const spilled = new SpilledChanges();
    const folds: Folds = {
      tally: new ReportTally(deps.frameworks),
      changes: new ChangesMerge(spilled, previousReport !== undefined),
      remediation: new RemediationTimes(),
      highlights: new HighlightsCollector(),
    };
    const writer = deps.reports.open(timestamp, previousManifest);
    try {
      await writer.write(jsonReport.head(reportTimestamp(timestamp)), CSV_HEADER);
      const written = await traced(deps.tracer, 'read current findings', () => streamEvaluations(deps, { writer, folds, previous, spilled }));
      const previousFigures = await previous.readToEnd(folds.changes);
      folds.changes.finish();
      const { report_timestamp: taken, ...figures } = folds.tally.overview(timestamp, { scope: deps.scope });
      const changes: ChangesSincePrevious = {
        previous_report_timestamp: previousFigures?.report_timestamp,
        previous_compliance_percentage: previousFigures?.compliance_percentage,
        ...spilled.heads(),
      };
      const overview = { ...figures, changes_since_previous: changes, mean_time_to_remediate: folds.remediation.perRule() };
      const html = renderHtmlOverview({ report_timestamp: taken, ...overview }, { ...folds.highlights.highlights(), changeTotals: spilled.totals() });
      const { reportKey, manifest } = await traced(deps.tracer, 'write report', async () => {
        await spilled.writeTail(jsonReport.tailAroundChanges(overview, written === 0), (bytes) => writer.writeJson(bytes));
        return writer.finish('', html, overview.controls ? renderControlsCsv(overview) : undefined);
      });
      // The manifest's hash in the log too: a record outside the bucket of where the chain had got to.
      const compliancePercentage = overview.summary.compliance_percentage;
      deps.logger.info('report written', { reportKey, manifestKey: manifest.key, manifestSha256: manifest.sha256, evaluations: written, compliancePercentage });
      return { reportKey };
    } catch (error) {
      await writer.abort();
      throw error;
    } finally {
      await previous.close();
      spilled.remove();
    }
  });
}
