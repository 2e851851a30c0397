import { createAnalyzer } from './analyzer';
import { Severity } from '../../src/rules/severity';
import { FindingStore } from '../findings/finding-store';
import { createLogger } from '../logging/logger';
import { configClient, documentClient, snsClient } from '../runtime/clients';
import { daysSetting, deployedRules, requiredSetting } from '../runtime/settings';

/** Entry point of the analyzer Lambda function: settings read and clients created once per container. */
export const handler = createAnalyzer({
  store: new FindingStore(documentClient(), requiredSetting(process.env, 'FINDINGS_TABLE'), daysSetting(process.env, 'FINDINGS_TTL_DAYS')),
  sns: snsClient(),
  config: configClient(),
  alertTopicArn: requiredSetting(process.env, 'ALERT_TOPIC_ARN'),
  rules: deployedRules(process.env),
  alertSeverity: Severity.HIGH,
  logger: createLogger('analyzer'),
  digestThreshold: 10,
  environmentSuffix: requiredSetting(process.env, 'ENVIRONMENT_SUFFIX'),
  emitMetrics: (line) => process.stdout.write(`${line}\n`),
});
