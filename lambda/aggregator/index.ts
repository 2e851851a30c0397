import { createAggregator } from './aggregator';
import { ReportStore } from './report-store';
import { requiredSetting } from '../../src/core/settings/settings';
import { FindingStore } from '../findings/finding-store';
import { createLogger } from '../observability/logger';
import { createTracer } from '../observability/tracer';
import { documentClient } from '../runtime/clients/dynamodb';
import { s3Client } from '../runtime/clients/s3';

const tracer = createTracer('aggregator');

/** Entry point of the aggregator Lambda function: settings read and clients created once per container. */
export const handler = createAggregator({
  // The aggregator only reads findings: their retention does not apply.
  findings: new FindingStore(documentClient(tracer), requiredSetting(process.env, 'FINDINGS_TABLE'), 1),
  reports: new ReportStore(s3Client(tracer), requiredSetting(process.env, 'REPORTS_BUCKET')),
  configRuleNames: requiredSetting(process.env, 'CONFIG_RULE_NAMES').split(','),
  logger: createLogger('aggregator'),
  tracer,
});
