import { createAggregator } from './aggregator';
import { ReportStore } from './report-store';
import { version } from '../../package.json';
import { reportFrameworks } from '../../src/core/frameworks';
import { reportedRule } from '../../src/core/report/scope';
import { AGGREGATOR_SETTINGS } from '../../src/core/settings/handler-settings';
import { ruleNameOf } from '../../src/core/settings/settings';
import { createLogger } from '../observability/logger';
import { createTracer } from '../observability/tracer';
import { documentClient } from '../runtime/clients/dynamodb';
import { s3Client } from '../runtime/clients/s3';

const tracer = createTracer('aggregator');
const settings = AGGREGATOR_SETTINGS.decode(process.env);
const rules = settings.configRuleNames.map((configRuleName) => ({
  ruleName: ruleNameOf(configRuleName, settings.environmentSuffix), configRuleName,
}));

/** Entry point of the aggregator Lambda function: settings read and clients created once per container. */
export const handler = createAggregator({
  documents: documentClient(tracer),
  findingsTable: settings.findingsTable,
  reports: new ReportStore(s3Client(tracer), settings.reportsBucket),
  configRuleNames: settings.configRuleNames,
  frameworks: reportFrameworks(settings.frameworks, rules),
  // The deployed rules' parameters are the analyzer's and Config's: the scope names the rules, and what each checks.
  scope: { libraryVersion: version, rules: rules.map(({ ruleName, configRuleName }) => reportedRule(ruleName, configRuleName)) },
  logger: createLogger('aggregator'),
  tracer,
});
