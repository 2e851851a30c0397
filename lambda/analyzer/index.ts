import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { createAnalyzer } from './analyzer';
import { countSetting, deployedRules, requiredSetting, severitySetting } from '../../src/core/settings/settings';
import { FindingStore } from '../findings/finding-store';
import { createLogger } from '../logging/logger';
import { documentClient } from '../runtime/clients/dynamodb';
import { snsClient } from '../runtime/clients/sns';
import { SDK_OPTIONS } from '../runtime/sdk-options';

/** Entry point of the analyzer Lambda function: settings read and clients created once per container. */
export const handler = createAnalyzer({
  store: new FindingStore(
    documentClient, requiredSetting(process.env, 'FINDINGS_TABLE'), countSetting(process.env, 'FINDINGS_TTL_DAYS'),
  ),
  sns: snsClient,
  config: new ConfigServiceClient(SDK_OPTIONS),
  lambda: new LambdaClient(SDK_OPTIONS),
  remediatorFunction: requiredSetting(process.env, 'REMEDIATOR_FUNCTION'),
  alertTopicArn: requiredSetting(process.env, 'ALERT_TOPIC_ARN'),
  rules: deployedRules(process.env),
  alertSeverity: severitySetting(process.env, 'ALERT_SEVERITY'),
  logger: createLogger('analyzer'),
  digestThreshold: countSetting(process.env, 'ALERT_DIGEST_THRESHOLD'),
  environmentSuffix: requiredSetting(process.env, 'ENVIRONMENT_SUFFIX'),
  emitMetrics: (line) => process.stdout.write(`${line}\n`),
});
