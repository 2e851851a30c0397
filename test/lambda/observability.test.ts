import { createHash } from 'crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import * as AWSXRay from 'aws-xray-sdk-core';
import { createAggregator } from '../../lambda/aggregator/aggregator';
import { ReportStore } from '../../lambda/aggregator/report-store';
import { FindingStore } from '../../lambda/findings/finding-store';
import { createLogger } from '../../lambda/observability/logger';
import { createTracer } from '../../lambda/observability/tracer';
import { documentClientOf } from '../../lambda/runtime/clients/dynamodb';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { MotoServer, startMoto } from '../support/moto';
import { capturedLogger } from '../support/observability';

const TABLE = 'compliance-findings-observed';
const RULE = 'restricted-ssh-test';
/** Over 1 MB of current findings: DynamoDB answers the query in more than one page. */
const FINDINGS = 700;
const REPORTS = 'compliance-reports-observed';

let dynamo: LocalDynamoDb;
/** The reports bucket, in moto's S3. */
let moto: MotoServer;
let s3: S3Client;
const saved = { ...process.env };

beforeAll(async () => {
  [moto, dynamo] = await Promise.all([startMoto(), startDynalite()]);
  s3 = new S3Client(moto.clientConfig);
  await createFindingsTable(dynamo.client, TABLE);
  for (let start = 0; start < FINDINGS; start += 25) {
    await dynamo.documents.send(new BatchWriteCommand({
      RequestItems: {
        [TABLE]: Array.from({ length: 25 }, (_, offset) => ({
          PutRequest: {
            Item: {
              resourceId: `sg-${start + offset}`,
              timestamp: `CURRENT#${RULE}`,
              currentRule: RULE,
              configRuleName: RULE,
              resourceType: 'AWS::EC2::SecurityGroup',
              complianceType: 'NON_COMPLIANT',
              recordedAt: '2026-11-23T10:00:00.000Z',
              annotation: 'x'.repeat(1600),
            },
          },
        })),
      },
    }));
  }
});

afterAll(async () => {
  s3.destroy();
  await Promise.all([moto.stop(), dynamo.close()]);
});

beforeEach(async () => {
  await moto.reset();
  await s3.send(new CreateBucketCommand({ Bucket: REPORTS, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
});

afterEach(() => {
  process.env = { ...saved };
});

/** The subsegments under a segment, as a tree of names (and the operation of AWS calls). */
function tree(segment: any): any[] {
  return (segment.subsegments ?? []).map((sub: any) => ({
    name: sub.aws?.operation ? `${sub.name} ${sub.aws.operation}` : sub.name,
    ...(sub.subsegments?.length ? { subsegments: tree(sub) } : {}),
  }));
}

describe('tracing', () => {
  test('each SDK call is a subsegment, under a subsegment per handler phase; a paginated read is one call per page', async () => {
    // As in Lambda with active tracing: Tracer is on, and the invocation has a segment.
    process.env.AWS_EXECUTION_ENV = 'AWS_Lambda_nodejs24.x';
    const tracer = createTracer('aggregator');
    expect(tracer.isTracingEnabled()).toBe(true);
    const endpoint = await dynamo.client.config.endpoint!();
    const traced = tracer.captureAWSv3Client(new DynamoDBClient({
      endpoint: `http://127.0.0.1:${endpoint.port}`, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }));
    const handler = createAggregator({
      documents: documentClientOf(traced),
      findingsTable: TABLE,
      reports: new ReportStore(s3, REPORTS),
      configRuleNames: [RULE],
      logger: capturedLogger('aggregator').logger,
      tracer,
    });
    const segment = new AWSXRay.Segment('compliance-aggregator-test');
    const result = await AWSXRay.getNamespace().runPromise(async () => {
      AWSXRay.setSegment(segment);
      return handler({}, { awsRequestId: 'req-1' } as Context);
    });
    expect(result.reportKey).toMatch(/^reports\//);
    // Written to the bucket, in moto's S3.
    expect(await s3.send(new HeadObjectCommand({ Bucket: REPORTS, Key: result.reportKey }))).toMatchObject({ ContentLength: expect.any(Number) });
    const [handlerSegment] = tree(segment);
    expect(handlerSegment.name).toBe('## handler');
    expect(handlerSegment.subsegments.map((sub: any) => sub.name)).toEqual(['### read latest manifest', '### open previous report', '### read current findings', '### write report']);
    const queries = handlerSegment.subsegments[2].subsegments;
    expect(queries.length).toBeGreaterThan(1);
    expect(queries).toEqual(queries.map(() => ({ name: 'DynamoDB Query' })));
    expect((segment.subsegments![0] as any).annotations).toMatchObject({ Service: 'aggregator' });
  });

  test('a paginated read returns every page', async () => {
    const findings = await new FindingStore(dynamo.documents, TABLE, 1).currentFindings(RULE);
    expect(findings).toHaveLength(FINDINGS);
    expect(new Set(findings.map((finding) => finding.resourceId)).size).toBe(FINDINGS);
  });
});

describe('logging', () => {
  test('the level comes from the environment', () => {
    const { lines } = capturedLogger('analyzer');
    process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
    const logger = createLogger('analyzer');
    logger.info('not written');
    logger.warn('written');
    expect(lines).toEqual([expect.objectContaining({ level: 'WARN', message: 'written', service: 'analyzer' })]);
  });

  test('each invocation logs its correlation id, its request id and the cold start flag', async () => {
    process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
    const { logger, lines } = capturedLogger('aggregator');
    const handler = createAggregator({
      documents: dynamo.documents,
      findingsTable: TABLE,
      reports: new ReportStore(s3, REPORTS),
      configRuleNames: [],
      logger,
      tracer: createTracer('aggregator'),
    });
    await handler({}, { awsRequestId: 'req-1' } as Context);
    await handler({}, { awsRequestId: 'req-2' } as Context);
    logger.info('between invocations');
    expect(lines).toEqual([
      expect.objectContaining({ message: 'report written', correlationId: 'req-1', function_request_id: 'req-1', cold_start: true }),
      expect.objectContaining({ message: 'report written', correlationId: 'req-2', function_request_id: 'req-2', cold_start: false }),
      expect.not.objectContaining({ correlationId: expect.anything() }),
    ]);
    // The newest manifest's hash is in the log, outside the bucket: what verify's summary is compared with.
    const latest = await (await s3.send(new GetObjectCommand({ Bucket: REPORTS, Key: 'reports/latest.manifest.json' }))).Body!.transformToByteArray();
    expect(lines[1]).toMatchObject({ manifestKey: JSON.parse(Buffer.from(latest).toString()).key, manifestSha256: createHash('sha256').update(latest).digest('hex') });
  });

  test('an error is logged with its stack and its cause', () => {
    const { lines } = capturedLogger('analyzer');
    createLogger('analyzer').error('event failed', { error: new Error('report not written', { cause: new Error('Access Denied') }) });
    expect(lines).toEqual([expect.objectContaining({
      level: 'ERROR',
      error: expect.objectContaining({
        message: 'report not written',
        stack: expect.stringContaining('Error: report not written\n    at '),
        cause: expect.objectContaining({ message: 'Access Denied', stack: expect.stringContaining('Error: Access Denied\n    at ') }),
      }),
    })]);
  });
});
