/**
 * Child process of `npm run bench:runtime`, in a fresh process so that its peak RSS is its own:
 * MODE=aggregator, one aggregator run over the findings table at DYNAMODB_ENDPOINT; MODE=query, a
 * plain paginated Query of the same items, rule by rule, each item dropped (the baseline).
 * Prints one JSON line.
 */
import * as fs from 'fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { peakRssMb } from './peak-rss';
import { createAggregator } from '../lambda/aggregator/aggregator';
import { ReportStore } from '../lambda/aggregator/report-store';
import { Logger } from '../lambda/observability/logger';
import { Tracer } from '../lambda/observability/tracer';
import { documentClientOf } from '../lambda/runtime/clients/dynamodb';
import { FINDINGS_TABLE_SCHEMA } from '../src/core/storage/findings-schema';
import { LATEST_REPORT_KEY } from '../src/core/storage/report-layout';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const documents = documentClientOf(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: 'eu-west-1', credentials }));
const rules = process.env.RULES!.split(',');

/** What the discarding bucket answers, by command: enough for a multipart upload to go through. */
const ANSWERS: Record<string, object> = { CreateMultipartUploadCommand: { UploadId: 'bench' }, UploadPartCommand: { ETag: '"bench"' } };

/**
 * A reports bucket that keeps nothing: a real S3 client whose requests are built, signed and
 * checksummed as for S3, then dropped instead of sent. The previous report is read from the file
 * PREVIOUS_REPORT, as a stream; any other object is missing (NoSuchKey), as in a bucket that has
 * no manifest yet.
 */
function discardingS3(): S3Client {
  const client = new S3Client({ region: 'eu-west-1', credentials });
  client.middlewareStack.add((_next, context) => async (args) => {
    if (context.commandName === 'GetObjectCommand') {
      const { Key } = args.input as { Key?: string };
      if (Key !== LATEST_REPORT_KEY || !process.env.PREVIOUS_REPORT) {
        throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } });
      }
      return { output: { $metadata: {}, Body: fs.createReadStream(process.env.PREVIOUS_REPORT) }, response: {} };
    }
    return { output: { $metadata: {}, ...ANSWERS[context.commandName!] }, response: {} };
  }, { step: 'finalizeRequest', priority: 'low', name: 'discard' });
  return client;
}

async function aggregate(): Promise<void> {
  await createAggregator({
    documents,
    findingsTable: process.env.TABLE!,
    reports: new ReportStore(discardingS3(), 'bench'),
    configRuleNames: rules,
    logger: new Logger({ serviceName: 'aggregator', logLevel: 'SILENT' }),
    tracer: new Tracer({ enabled: false }),
  })({}, { awsRequestId: 'bench' } as Context);
}

async function query(): Promise<void> {
  let items = 0;
  for (const rule of rules) {
    for await (const page of paginateQuery({ client: documents }, {
      TableName: process.env.TABLE!,
      IndexName: FINDINGS_TABLE_SCHEMA.currentFindingsIndex,
      KeyConditionExpression: '#rule = :rule',
      ExpressionAttributeNames: { '#rule': FINDINGS_TABLE_SCHEMA.currentFindingsPartitionKey },
      ExpressionAttributeValues: { ':rule': rule },
    })) {
      items += page.Count ?? 0;
    }
  }
  if (items === 0) {
    throw new Error('the query read no item');
  }
}

const start = process.hrtime.bigint();
void (process.env.MODE === 'query' ? query() : aggregate()).then(() => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ ms, peakRssMb: peakRssMb(), maxRssMb: process.resourceUsage().maxRSS / 1024 }));
});
