import { createAnalyzer } from './analyzer';
import { countSetting, deployedRules, requiredSetting, severitySetting } from '../../src/core/settings/settings';
import { FindingStore } from '../findings/finding-store';
import { createLogger } from '../observability/logger';
import { createTracer } from '../observability/tracer';
import { configClient } from '../runtime/clients/config';
import { documentClient } from '../runtime/clients/dynamodb';
import { lambdaClient } from '../runtime/clients/lambda';
import { snsClient } from '../runtime/clients/sns';

const tracer = createTracer('analyzer');

/** Entry point of the analyzer Lambda function: settings read and clients created once per container. */
export const handler = createAnalyzer({
  store: new FindingStore(
    documentClient(tracer), requiredSetting(process.env, 'FINDINGS_TABLE'), countSetting(process.env, 'FINDINGS_TTL_DAYS'),
  ),
  sns: snsClient(tracer),
  config: configClient(tracer),
  lambda: lambdaClient(tracer),
  remediatorFunction: requiredSetting(process.env, 'REMEDIATOR_FUNCTION'),
  alertTopicArn: requiredSetting(process.env, 'ALERT_TOPIC_ARN'),
  rules: deployedRules(process.env),
  alertSeverity: severitySetting(process.env, 'ALERT_SEVERITY'),
  logger: createLogger('analyzer'),
  tracer,
  digestThreshold: countSetting(process.env, 'ALERT_DIGEST_THRESHOLD'),
  environmentSuffix: requiredSetting(process.env, 'ENVIRONMENT_SUFFIX'),
  // Embedded metric format, written as is: Powertools Metrics would write the same lines, and
  // would add a dependency and its flush-per-invocation rule for nothing more.
  emitMetrics: (line) => process.stdout.write(`${line}\n`),
});
