/**
 * Child process of `npm run bench:runtime`: one aggregator run over the findings table at
 * DYNAMODB_ENDPOINT, in a fresh process so that its peak RSS is the aggregator's own.
 * The report goes to an S3 client that keeps nothing. Prints one JSON line.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { createAggregator } from '../lambda/aggregator/aggregator';
import { ReportStore } from '../lambda/aggregator/report-store';
import { FindingStore } from '../lambda/findings/finding-store';
import { Logger } from '../lambda/observability/logger';
import { Tracer } from '../lambda/observability/tracer';
import { documentClientOf } from '../lambda/runtime/clients/dynamodb';
import { discardingS3 } from '../test/support/discarding-s3';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const documents = documentClientOf(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: 'eu-west-1', credentials }));

const aggregator = createAggregator({
  findings: new FindingStore(documents, process.env.TABLE!, 1),
  reports: new ReportStore(discardingS3, 'bench'),
  configRuleNames: process.env.RULES!.split(','),
  logger: new Logger({ serviceName: 'aggregator', logLevel: 'SILENT' }),
  tracer: new Tracer({ enabled: false }),
});

const start = process.hrtime.bigint();
void aggregator({}, { awsRequestId: 'bench' } as Context).then(() => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
});
