import { createAnalyzer } from './analyzer';
import { ANALYZER_SETTINGS } from '../../src/core/settings/handler-settings';
import { FindingStore } from '../findings/finding-store';
import { createLogger } from '../observability/logger';
import { createTracer } from '../observability/tracer';
import { configClient } from '../runtime/clients/config';
import { documentClient } from '../runtime/clients/dynamodb';
import { lambdaClient } from '../runtime/clients/lambda';
import { snsClient } from '../runtime/clients/sns';

const tracer = createTracer('analyzer');
const settings = ANALYZER_SETTINGS.decode(process.env);

/** Entry point of the analyzer Lambda function: settings read and clients created once per container. */
export const handler = createAnalyzer({
  store: new FindingStore(documentClient(tracer), settings.findingsTable, settings.findingsTtlDays),
  sns: snsClient(tracer),
  config: configClient(tracer),
  lambda: lambdaClient(tracer),
  remediatorFunction: settings.remediatorFunction,
  alertTopicArn: settings.alertTopicArn,
  rules: [...settings.rules],
  alertSeverity: settings.alertSeverity,
  logger: createLogger('analyzer'),
  tracer,
  digestThreshold: settings.alertDigestThreshold,
  exemptionNoticeDays: settings.exemptionNoticeDays,
  environmentSuffix: settings.environmentSuffix,
  // Embedded metric format, written as is: Powertools Metrics would write the same lines, and
  // would add a dependency and its flush-per-invocation rule for nothing more.
  emitMetrics: (line) => process.stdout.write(`${line}\n`),
});
