import type { AggregatorDependencies } from './aggregator';
import { recordedStatesByResource } from './period-history';
import { lastWholePeriod, PERIOD_CSV_HEADER, periodCsvRows, periodJson, PeriodLength, PeriodTally } from '../../src/core/period';
import { traced } from '../observability/tracer';

/**
 * The rendering written at a time, in characters of JSON: a write per resource cost more, in
 * hashing, stream calls and their promises, than rendering the resource.
 */
const WRITE_SIZE = 64 * 1024;

/**
 * The report of the last whole month or quarter: every state recorded of the set's rules since the
 * period's start (the first of a month), read resource by resource from the history index, measured,
 * and streamed to the reports bucket with its manifest in the chain. Memory holds a few pages, one
 * resource's states, and the sums by rule, control and exemption.
 */
export async function writePeriodReport(deps: AggregatorDependencies, length: PeriodLength, timestamp: Date): Promise<{ reportKey: string }> {
  const period = lastWholePeriod(length, timestamp);
  const head = await traced(deps.tracer, 'read latest manifest', () => deps.reports.chainHead());
  const tally = new PeriodTally(period, deps.frameworks);
  const writer = deps.reports.openPeriod(timestamp, head);
  try {
    const scope = deps.scope && {
      generated_at: timestamp.toISOString(),
      library_version: deps.scope.libraryVersion,
      history_from: period.start.toISOString(),
      rules: deps.scope.rules,
    };
    await writer.write(periodJson.head({ start: period.start.toISOString(), end: period.end.toISOString() }, scope), PERIOD_CSV_HEADER);
    let listed = 0;
    await traced(deps.tracer, 'read history', async () => {
      let json = '';
      let csv = '';
      for await (const states of recordedStatesByResource(deps.documents, deps.findingsTable, deps.configRuleNames, period.start, timestamp)) {
        for (const resource of tally.addResource(states)) {
          json += periodJson.resource(resource, listed === 0);
          csv += periodCsvRows(resource);
          listed++;
        }
        if (json.length >= WRITE_SIZE) {
          await writer.write(json, csv);
          json = '';
          csv = '';
        }
      }
      if (json !== '') {
        await writer.write(json, csv);
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

