import { Readable } from 'stream';
import {
  BatchGetResourceConfigCommand, ConfigServiceClient, GetComplianceDetailsByConfigRuleCommand, PutEvaluationsCommand, SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import {
  BucketLocationConstraint, CreateBucketCommand, GetBucketVersioningCommand, PutBucketTaggingCommand, PutBucketVersioningCommand, S3Client,
} from '@aws-sdk/client-s3';
import type { AwsCommand } from 'aws-sdk-client-mock';
import type { MotoServer } from './moto';

/**
 * What the handler tests still answer themselves, and why: every other call reaches moto's server
 * (test/support/moto.ts). Each entry is `Service.Operation`, named as the SDK names the client and
 * the command; `answerGap` refuses an operation this table does not list.
 *
 * Not a mock, and so not listed: moto's Config discovers only S3 buckets, S3 account public access
 * blocks, IAM roles and policies and SNS topics (its RESOURCE_MAP). It lists no EC2, RDS or other
 * resource, and PutResourceConfig stores custom resources that no read returns; the tests that
 * read Config's inventory read S3 buckets made in moto's S3. Nor is moto's default security group,
 * which has AWS's egress rule but not its self-referencing ingress: the remediator test adds it.
 *
 * Stubbed elsewhere, beside this table:
 * - the fix-error tests inject AccessDenied, AccessDeniedException and UnauthorizedOperation on one
 *   operation of one client (S3 GetBucketEncryption, GetBucketTagging, GetPublicAccessBlock and
 *   GetBucketVersioning, DynamoDB DescribeTable, EC2 DescribeInstances and DescribeSecurityGroups):
 *   moto enforces no IAM, so it never refuses;
 * - the end-to-end test (test/lambda/end-to-end.test.ts) takes the analyzer's asynchronous
 *   `Lambda.Invoke` of the remediator and hands its request to the remediator bundle: moto accepts
 *   the invocation but, without Docker, runs no function. Its sweep reads
 *   GetComplianceDetailsByConfigRule, this table's first entry, from the test.
 */
export const MOTO_GAPS = {
  'ConfigService.GetComplianceDetailsByConfigRule':
    'not implemented by moto 5.2.5 (its server answers 500): the sweep reads Config\'s results from the test\'s own table of them',
  'ConfigService.PutEvaluations':
    'moto implements it only with TestMode=true (without, its server answers 500), and never fails an evaluation: each request is sent to moto with TestMode set, and FailedEvaluations are injected where a test needs them',
  'ConfigService.SelectResourceConfig':
    'moto runs no query: it answers results seeded inside its own process, which its server cannot seed, so always none; the tests answer the tag queries',
  'ConfigService.BatchGetResourceConfig':
    'moto processes every key it is given, where Config under load leaves some unprocessed: the tests that need unprocessed keys take moto\'s answer and move keys out of it',
  'S3.GetBucketVersioning':
    'moto 5.2.5 keeps a bucket\'s versioning status only: PutBucketVersioning drops MFADelete, which GetBucketVersioning never returns, so no bucket in moto has MFA delete: ' +
    'the versioning fix\'s test takes moto\'s answer and adds MFADelete Enabled',
} as const;

/** An SDK client, by what the helpers use of it: its middleware stack. */
interface SdkClient {
  readonly middlewareStack: {
    add(middleware: unknown, options: { step: 'initialize'; name: string; priority: 'high' | 'low' }): void;
    addRelativeTo(middleware: unknown, options: { relation: 'after'; toMiddleware: string; name: string }): void;
  };
}

type Command<I extends object, O extends object> = new (input: I) => AwsCommand<I, O & { $metadata: object }>;

interface HandlerContext {
  readonly clientName: string;
  readonly commandName: string;
}

type Handler = (args: { input: any }) => Promise<{ output: any; response?: unknown }>;

/** `Service.Operation` of a call, from the names the SDK gives its client and command. */
function operationOf(context: HandlerContext): string {
  return `${context.clientName.replace(/Client$/, '')}.${context.commandName.replace(/Command$/, '')}`;
}

function operationOfCommand(client: object, command: { name: string }): string {
  return `${client.constructor.name.replace(/Client$/, '')}.${command.name.replace(/Command$/, '')}`;
}

/** moto's own answer to a request: the request sent on, as it is or changed. */
export type ToMoto<I, O> = (input: I) => Promise<O>;

/**
 * Answers one operation of a client, in place of moto, for what MOTO_GAPS says moto lacks; every
 * other operation of the client still reaches moto. The answer may ask moto (`toMoto`) and return
 * its answer changed. A middleware on the client, not a replaced `send`: the client stays the
 * SDK's, its other operations pass through untouched, and the SDK's paginators work over it.
 */
export function answerGap<I extends object, O extends object>(
  client: SdkClient, command: Command<I, O>, answer: (input: I, toMoto: ToMoto<I, O>) => Partial<O> | Promise<Partial<O>>,
): void {
  const operation = operationOfCommand(client, command);
  if (!(operation in MOTO_GAPS)) {
    throw new Error(`${operation} is not in MOTO_GAPS: moto answers it`);
  }
  client.middlewareStack.add((next: Handler, context: HandlerContext): Handler => async (args) => {
    if (operationOf(context) !== operation) {
      return next(args);
    }
    const output = await answer(args.input, async (input) => (await next({ ...args, input })).output);
    return { output: { $metadata: {}, ...output } };
  }, { step: 'initialize', name: `moto gap ${operation}`, priority: 'low' });
}

/** A call a client made: its input, and what answered it (moto or a gap), or the error. */
export interface Call<I, O> {
  readonly input: I;
  readonly output?: O;
  readonly error?: Error;
}

/** The calls a client makes, each operation apart: what the tests assert was asked, and answered. */
export interface CallLog {
  of<I extends object, O extends object>(command: Command<I, O>): Array<Call<I, O>>;
}

/** Records every call of the client, outermost, so that calls answered by moto and by a gap are alike. */
export function callLog(client: SdkClient): CallLog {
  const calls: Array<{ operation: string; call: Call<any, any> }> = [];
  client.middlewareStack.add((next: Handler, context: HandlerContext): Handler => async (args) => {
    const operation = operationOf(context);
    // A copy: the SDK's paginators send one input object, its token changed from page to page.
    const input = structuredClone(args.input);
    try {
      const result = await next(args);
      calls.push({ operation, call: { input, output: result.output } });
      return result;
    } catch (error) {
      calls.push({ operation, call: { input, error: error as Error } });
      throw error;
    }
  }, { step: 'initialize', name: 'moto call log', priority: 'high' });
  return {
    of: (command) => {
      const operation = operationOfCommand(client, command);
      return calls.filter((call) => call.operation === operation).map(({ call }) => call);
    },
  };
}

/** The operations whose answers hold configuration items. */
const ITEM_READS = new Set(['BatchGetResourceConfigCommand', 'GetResourceConfigHistoryCommand']);
/** The timestamps moto writes in a configuration item as Python prints them (`2026-12-02 00:29:18.367421+00:00`). */
const ITEM_TIMESTAMPS = ['configurationItemCaptureTime', 'resourceCreationTime'];

function epochSeconds(item: Record<string, unknown>): Record<string, unknown> {
  const fixed = { ...item };
  for (const field of ITEM_TIMESTAMPS) {
    if (typeof fixed[field] === 'string') {
      fixed[field] = Date.parse((fixed[field] as string).replace(' ', 'T')) / 1000;
    }
  }
  return fixed;
}

async function textOf(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) {
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A moto quirk, not a gap: moto's Config writes the timestamps of configuration items as text,
 * where Config's JSON protocol has epoch seconds, and the SDK refuses to read them ("Expected real
 * number"). This rewrites them in moto's raw answer, before the SDK reads it.
 */
export function readMotoConfigTimestamps(client: SdkClient): void {
  client.middlewareStack.addRelativeTo((next: Handler, context: HandlerContext): Handler => async (args) => {
    const result = await next(args);
    const response = result.response as { statusCode: number; body: Readable; headers: Record<string, string> };
    if (!ITEM_READS.has(context.commandName) || response.statusCode !== 200) {
      return result;
    }
    const answer = JSON.parse(await textOf(response.body));
    for (const list of ['baseConfigurationItems', 'configurationItems']) {
      if (Array.isArray(answer[list])) {
        answer[list] = answer[list].map(epochSeconds);
      }
    }
    const text = Buffer.from(JSON.stringify(answer));
    response.body = Readable.from([text]);
    response.headers['content-length'] = String(text.length);
    return result;
  }, { relation: 'after', toMiddleware: 'deserializerMiddleware', name: 'moto config timestamps' });
}

const EVALUATION = { ComplianceResourceType: 'AWS::S3::Bucket', ComplianceResourceId: 'probe', ComplianceType: 'COMPLIANT', OrderingTimestamp: new Date() } as const;

async function probeBuckets(moto: MotoServer, tagged: boolean): Promise<void> {
  const s3 = new S3Client(moto.clientConfig);
  const location = { LocationConstraint: moto.clientConfig.region as BucketLocationConstraint };
  for (const bucket of ['probe-1', 'probe-2']) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: location }));
    if (tagged) {
      await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'team', Value: 'edge' }] } }));
    }
  }
  s3.destroy();
}

/**
 * For each gap, what the pinned moto does that makes it one, asked of its server (reset first): a
 * probe fails once moto stops doing it, so that the entry and its mock go.
 */
export const GAP_PROBES: Record<keyof typeof MOTO_GAPS, (moto: MotoServer, config: ConfigServiceClient) => Promise<void>> = {
  'ConfigService.GetComplianceDetailsByConfigRule': async (_, config) => {
    await expect(config.send(new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: 'probe' })))
      .rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
  },
  'ConfigService.PutEvaluations': async (_, config) => {
    await expect(config.send(new PutEvaluationsCommand({ ResultToken: 'probe', Evaluations: [EVALUATION] })))
      .rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    expect(await config.send(new PutEvaluationsCommand({ ResultToken: 'probe', Evaluations: [EVALUATION], TestMode: true })))
      .toMatchObject({ FailedEvaluations: [] });
  },
  'ConfigService.SelectResourceConfig': async (moto, config) => {
    await probeBuckets(moto, true);
    expect(await config.send(new SelectResourceConfigCommand({ Expression: "SELECT resourceId WHERE tags.tag = 'team=edge'" })))
      .toMatchObject({ Results: [] });
  },
  'ConfigService.BatchGetResourceConfig': async (moto, config) => {
    await probeBuckets(moto, false);
    const keys = ['probe-1', 'probe-2'].map((resourceId) => ({ resourceType: 'AWS::S3::Bucket' as const, resourceId }));
    expect(await config.send(new BatchGetResourceConfigCommand({ resourceKeys: keys })))
      .toMatchObject({ baseConfigurationItems: [expect.anything(), expect.anything()], unprocessedResourceKeys: [] });
  },
  'S3.GetBucketVersioning': async (moto) => {
    const s3 = new S3Client(moto.clientConfig);
    try {
      await s3.send(new CreateBucketCommand({ Bucket: 'probe-1', CreateBucketConfiguration: { LocationConstraint: moto.clientConfig.region as BucketLocationConstraint } }));
      await s3.send(new PutBucketVersioningCommand({
        Bucket: 'probe-1', VersioningConfiguration: { Status: 'Enabled', MFADelete: 'Enabled' }, MFA: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device 123456',
      }));
      const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: 'probe-1' }));
      expect(versioning.Status).toBe('Enabled');
      expect(versioning.MFADelete).toBeUndefined();
    } finally {
      s3.destroy();
    }
  },
};
