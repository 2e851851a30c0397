import { createAnalyzer } from './analyzer';
import { FindingStore } from '../findings/finding-store';
import { createLogger } from '../logging/logger';
import { configClient, documentClient, lambdaClient, snsClient } from '../runtime/clients';
import { countSetting, deployedRules, requiredSetting, severitySetting } from '../runtime/settings';

/** Entry point of the analyzer Lambda function: settings read and clients created once per container. */
export const handler = createAnalyzer({
  store: new FindingStore(documentClient(), requiredSetting(process.env, 'FINDINGS_TABLE'), countSetting(process.env, 'FINDINGS_TTL_DAYS')),
  sns: snsClient(),
  config: configClient(),
  lambda: lambdaClient(),
  remediatorFunction: requiredSetting(process.env, 'REMEDIATOR_FUNCTION'),
  alertTopicArn: requiredSetting(process.env, 'ALERT_TOPIC_ARN'),
  rules: deployedRules(process.env),
  alertSeverity: severitySetting(process.env, 'ALERT_SEVERITY'),
  logger: createLogger('analyzer'),
  digestThreshold: countSetting(process.env, 'ALERT_DIGEST_THRESHOLD'),
  environmentSuffix: requiredSetting(process.env, 'ENVIRONMENT_SUFFIX'),
  emitMetrics: (line) => process.stdout.write(`${line}\n`),
});
