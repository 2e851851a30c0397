import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { currentFindingsByResource } from './current-findings';
import { recordedStatesByResource } from './period-history';
import { PreviousReportFigures } from './previous-report';
import { PreviousReportStream, ReportStore, ReportWriter } from './report-store';
import { SpilledChanges } from './spilled-changes';
import { CurrentFinding } from '../../src/core/findings/current-finding';
import {
  isPeriodLength, lastWholePeriod, PERIOD_CSV_HEADER, PERIOD_REPORT_EVENT_FIELD, PERIOD_LENGTHS, periodCsvRows, periodJson, PeriodLength, PeriodTally,
} from '../../src/core/period';
import { ChangesMerge, ChangesSincePrevious } from '../../src/core/report/changes-since';
import type { ReportFramework } from '../../src/core/report/controls';
import { CSV_HEADER, csvRow, renderControlsCsv } from '../../src/core/report/csv';
import { HighlightsCollector, renderHtmlOverview } from '../../src/core/report/html';
import { jsonReport } from '../../src/core/report/json';
import { ReportedEvaluation, ReportOptions, reportTimestamp, ReportTally } from '../../src/core/report/report';
import { RemediationTimes } from '../../src/core/report/time-to-remediate';
import { Logger } from '../observability/logger';
import { observed, traced, Tracer } from '../observability/tracer';

/** An event the aggregator cannot act on; the message says what is wrong, in one line. */
export class AggregatorEventError extends Error {}

/**
 * The length of the period whose report an event asks for; undefined for the report schedule's
 * event (any other event), which asks for the snapshot report.
 */
export function periodReportRequest(event: unknown): PeriodLength | undefined {
  if (typeof event !== 'object' || event === null || !(PERIOD_REPORT_EVENT_FIELD in event)) {
    return undefined;
  }
  const length = (event as Record<string, unknown>)[PERIOD_REPORT_EVENT_FIELD];
  if (!isPeriodLength(length)) {
    throw new AggregatorEventError(`event.${PERIOD_REPORT_EVENT_FIELD} must be one of ${PERIOD_LENGTHS.join(', ')} (got ${JSON.stringify(length)})`);
  }
  return length;
}

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

/**
 * The report of the last whole month or quarter: every state recorded of the set's rules since the
 * first of the period's first month, read resource by resource from the history index, measured,
 * and streamed to the reports bucket with its manifest in the chain. Memory holds a few pages, one
 * resource's states, and the sums by rule, control and exemption.
 */
async function writePeriodReport(deps: AggregatorDependencies, length: PeriodLength, timestamp: Date): Promise<{ reportKey: string }> {
  const period = lastWholePeriod(length, timestamp);
  const head = await traced(deps.tracer, 'read latest manifest', () => deps.reports.chainHead());
  const tally = new PeriodTally(period, deps.frameworks);
  const historyFrom = new Date(Date.UTC(period.start.getUTCFullYear(), period.start.getUTCMonth(), 1));
  const writer = deps.reports.openPeriod(timestamp, head);
  try {
    const scope = deps.scope && {
      generated_at: timestamp.toISOString(),
      library_version: deps.scope.libraryVersion,
      history_from: historyFrom.toISOString(),
      rules: deps.scope.rules,
    };
    await writer.write(periodJson.head({ start: period.start.toISOString(), end: period.end.toISOString() }, scope), PERIOD_CSV_HEADER);
    let listed = 0;
    await traced(deps.tracer, 'read history', async () => {
      for await (const states of recordedStatesByResource(deps.documents, deps.findingsTable, deps.configRuleNames, historyFrom, timestamp)) {
        let json = '';
        let csv = '';
        for (const resource of tally.addResource(states)) {
          json += periodJson.resource(resource, listed === 0);
          csv += periodCsvRows(resource);
          listed++;
        }
        if (json !== '') {
          await writer.write(json, csv);
        }
      }
    });
    const overview = tally.overview();
    const { reportKey, manifest } = await traced(deps.tracer, 'write report', () => writer.finish(periodJson.tail(overview, listed === 0)));
    const compliancePercentage = overview.summary.compliant_percentage;
    deps.logger.info('period report written', { reportKey, manifestKey: manifest.key, manifestSha256: manifest.sha256, resources: listed, compliancePercentage });
    return { reportKey };
  } catch (error) {
    await writer.abort();
    throw error;
  }
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
