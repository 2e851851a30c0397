/**
 * Child process of `npm run bench:runtime`, in a fresh process so that its peak RSS is its own:
 * MODE=aggregator, one aggregator run over the findings table at DYNAMODB_ENDPOINT; MODE=query, a
 * plain paginated Query of the same items, rule by rule, each item dropped (the baseline);
 * MODE=period, the aggregator's quarterly period run at PERIOD_NOW (with FRAMEWORKS=1, the built-in
 * frameworks' controls too); MODE=period-query, a plain
 * paginated Query of what it reads, bucket by bucket of the history index, then rule by rule.
 * Prints one JSON line, with the items and Queries read.
 */
import * as fs from 'fs';
import type { LogItemExtraInput, LogItemMessage } from '@aws-lambda-powertools/logger/types';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { paginateQuery, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { peakRssMb } from './peak-rss';
import { createAggregator } from '../lambda/aggregator/aggregator';
import { currentFindingsQuery } from '../lambda/aggregator/current-findings';
import { ReportStore } from '../lambda/aggregator/report-store';
import { Logger } from '../lambda/observability/logger';
import { Tracer } from '../lambda/observability/tracer';
import { documentClientOf } from '../lambda/runtime/clients/dynamodb';
import { BUILT_IN_FRAMEWORK_IDS } from '../src/core/frameworks/frameworks';
import { reportFrameworks } from '../src/core/frameworks/report-frameworks';
import { lastWholePeriod, PERIOD_REPORT_EVENT_FIELD } from '../src/core/period';
import { ruleNameOf } from '../src/core/settings/settings';
import { FINDINGS_TABLE_SCHEMA } from '../src/core/storage/findings-schema';
import { historyBuckets } from '../src/core/storage/history-index';
import { LATEST_REPORT_KEY } from '../src/core/storage/report-layout';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const dynamodb = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: 'eu-west-1', credentials });
const documents = documentClientOf(dynamodb);
const rules = process.env.RULES!.split(',');

/** What the run's Queries returned: the same count for a run and its baseline says they read the same items. */
const read = { items: 0, queries: 0 };
dynamodb.middlewareStack.add((next, context) => async (args) => {
  const result = await next(args);
  if (context.commandName === 'QueryCommand') {
    read.queries++;
    read.items += (result.output as { Count?: number }).Count ?? 0;
  }
  return result;
}, { step: 'initialize', name: 'countQueries' });

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

/** A plain paginated Query of each input in turn, each item dropped. */
async function queryAll(inputs: readonly QueryCommandInput[]): Promise<void> {
  for (const input of inputs) {
    for await (const _page of paginateQuery({ client: documents }, input)) {
      // Only the pages' arrival is measured; the middleware counts their items.
    }
  }
  if (read.items === 0) {
    throw new Error('the query read no item');
  }
}

async function query(): Promise<void> {
  await queryAll(rules.map(currentFindingsQuery(process.env.TABLE!)));
}

/** A logger that keeps the period run's count of resources reported, and writes nothing. */
class ResourcesLogger extends Logger {
  resources = 0;

  public override info(message: LogItemMessage, ...extra: LogItemExtraInput): void {
    if (message === 'period report written') {
      this.resources = (extra[0] as { resources: number }).resources;
    }
  }
}

const periodNow = new Date(process.env.PERIOD_NOW ?? 0);
let resources: number | undefined;

async function period(): Promise<void> {
  const logger = new ResourcesLogger({ serviceName: 'aggregator', logLevel: 'SILENT' });
  const ruleNames = rules.map((configRuleName) => ({ ruleName: ruleNameOf(configRuleName, 'bench'), configRuleName }));
  await createAggregator({
    documents,
    findingsTable: process.env.TABLE!,
    reports: new ReportStore(discardingS3(), 'bench'),
    configRuleNames: rules,
    // FRAMEWORKS=1: the construct's default, every built-in framework, whose controls the report sums resource by resource.
    frameworks: process.env.FRAMEWORKS === '1' ? reportFrameworks({ frameworks: BUILT_IN_FRAMEWORK_IDS.map((id) => ({ id })) }, ruleNames) : undefined,
    logger,
    tracer: new Tracer({ enabled: false }),
    now: () => periodNow,
  })({ [PERIOD_REPORT_EVENT_FIELD]: 'QUARTER' }, { awsRequestId: 'bench' } as Context);
  resources = logger.resources;
}

async function periodQuery(): Promise<void> {
  const history = historyBuckets(lastWholePeriod('QUARTER', periodNow).start, periodNow).map((bucket): QueryCommandInput => ({
    TableName: process.env.TABLE!,
    IndexName: FINDINGS_TABLE_SCHEMA.historyIndex,
    KeyConditionExpression: '#bucket = :bucket',
    ExpressionAttributeNames: { '#bucket': FINDINGS_TABLE_SCHEMA.historyPartitionKey },
    ExpressionAttributeValues: { ':bucket': bucket },
  }));
  await queryAll([...history, ...rules.map(currentFindingsQuery(process.env.TABLE!))]);
}

const MODES: Record<string, () => Promise<void>> = { 'aggregator': aggregate, 'query': query, 'period': period, 'period-query': periodQuery };

const start = process.hrtime.bigint();
void MODES[process.env.MODE!]().then(() => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ ms, peakRssMb: peakRssMb(), maxRssMb: process.resourceUsage().maxRSS / 1024, ...read, resources }));
});
