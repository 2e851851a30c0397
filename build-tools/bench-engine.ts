/**
 * `npm run bench:engine`: the rule engine over a synthetic Config snapshot of 100,000 configuration
 * items of mixed types, every rule's among them. Prints, for the recommended set and for every
 * built-in rule, items per second and the ratio (parse + evaluate) / (JSON.parse alone) over the
 * same bytes, medians of several runs. The two are timed in alternation and the ratio is the median
 * of each pair's ratio, so that drift in the machine's speed (a shared VM) falls on both sides alike.
 * Targets: the recommended set at most its ratio before the 40 rules, 1.18; every rule at most 1.30.
 *
 * Then the CLI's streaming reader, each run bundled as the CLI is and in a process of its own, so
 * that its peak RSS is its own: on the same snapshot, beside today's path (the file read whole, one JSON.parse); and on a
 * generated 1 GB snapshot, longer than V8's longest string, plain and gzip, written to the
 * temporary directory and deleted after. Goal: at most 512 MB RSS, and at least 80% of today's
 * items per second on the small snapshot.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { createGzip } from 'zlib';
import { buildSync } from 'esbuild';
import { peakRssMb } from './peak-rss';
import { compileRule, ConfigurationItem, evaluateItems, NewestItemEvaluations, parseConfigurationItems, readConfigurationItems } from '../src/core/engine';
import { RECOMMENDED_RULES, RULE_CATALOG } from '../src/core/rules/catalog';
import { REQUIRED_PARAMETERS } from '../test/support/required-parameters';

const ITEM_COUNT = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
/** The generated big snapshot's size: 1 GiB, past V8's longest string. */
const BIG_BYTES = Number(process.env.BENCH_BIG_BYTES ?? 1024 ** 3);
const RSS_GOAL_MB = 512;
const CHUNK_BYTES = 1024 * 1024;
const THROUGHPUT_GOAL = 0.8;
/** The recommended set's ratio before the 40 rules (1.18, measured on its six kinds of items): it must not grow. */
const RECOMMENDED_RATIO_LIMIT = 1.18;
const EVERY_RULE_RATIO_LIMIT = 1.3;

/** A deterministic pseudo-random sequence, so every run measures the same snapshot. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * The kinds of the snapshot's items, in the proportion an account holds them: EC2 the most, then
 * storage and IAM, and one of each of the newer rules' types.
 */
const ITEM_KINDS = [
  'instance', 'instance', 'instance', 'securityGroup', 'securityGroup', 'volume', 'volume', 'volume', 'database', 'bucket', 'bucket',
  'role', 'role', 'user', 'policy', 'function', 'table', 'topic', 'secret', 'subnet', 'loadBalancer', 'snapshot',
] as const;

/** Policies as Config records them: URL-encoded JSON. */
const INLINE_POLICY = { policyName: 'inline', policyDocument: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] })) };
const READ_DOCUMENT = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }] }));
const ADMIN_DOCUMENT = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));
/** A function policy as JSON text: an API Gateway permission pinned to one API. */
const FUNCTION_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: '*', Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:eu-west-1:123456789012:api/*' } } }],
});

/** Every built-in rule, with the parameters of those that need some: the widest set the engine runs. */
const EVERY_RULE = [...RULE_CATALOG.keys()].map((ruleName) => ({
  ruleName,
  parameters: REQUIRED_PARAMETERS[ruleName] ?? {},
}));

function syntheticItem(i: number, next: () => number): Record<string, unknown> {
  const tags: Record<string, string> = next() < 0.7 ? { Environment: 'prod', Owner: `team-${i % 40}`, CostCenter: `cc-${i % 13}` } : { Name: `res-${i}` };
  const base = {
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: '2026-11-23T10:00:00.000Z',
    configurationStateId: 1700000000000 + i,
    awsAccountId: '123456789012',
    configurationItemStatus: next() < 0.02 ? 'ResourceDeleted' : 'OK',
    awsRegion: 'eu-west-1',
    relatedEvents: [],
    relationships: [],
    tags,
  };
  switch (ITEM_KINDS[i % ITEM_KINDS.length]) {
    case 'instance': return {
      ...base,
      resourceType: 'AWS::EC2::Instance',
      resourceId: `i-${i.toString(16).padStart(17, '0')}`,
      configuration: {
        instanceId: `i-${i}`,
        instanceType: next() < 0.5 ? 't3.micro' : 'm5.large',
        state: { code: 16, name: 'running' },
        metadataOptions: { state: 'applied', httpTokens: next() < 0.6 ? 'required' : 'optional', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' },
        securityGroups: [{ groupName: 'web', groupId: `sg-${i}` }],
        subnetId: 'subnet-1',
        vpcId: 'vpc-1',
        privateIpAddress: '10.0.0.1',
      },
      supplementaryConfiguration: {},
    };
    case 'securityGroup': return {
      ...base,
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: `sg-${i.toString(16)}`,
      configuration: {
        groupName: `sg-${i}`,
        groupId: `sg-${i}`,
        vpcId: 'vpc-1',
        description: 'synthetic',
        ipPermissions: [
          { ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }], ipv6Ranges: [], userIdGroupPairs: [] },
          { ipProtocol: 'tcp', fromPort: next() < 0.2 ? 22 : 8080, toPort: next() < 0.2 ? 22 : 8080, ipv4Ranges: [{ cidrIp: next() < 0.5 ? '0.0.0.0/0' : '10.0.0.0/8' }] },
        ],
        ipPermissionsEgress: [{ ipProtocol: '-1', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] }],
      },
      supplementaryConfiguration: {},
    };
    case 'volume': return {
      ...base,
      resourceType: 'AWS::EC2::Volume',
      resourceId: `vol-${i.toString(16)}`,
      configuration: {
        volumeId: `vol-${i}`,
        size: 8,
        state: next() < 0.8 ? 'in-use' : 'available',
        encrypted: next() < 0.8,
        volumeType: 'gp3',
        attachments: next() < 0.8 ? [{ instanceId: `i-${i}`, device: '/dev/xvda', state: 'attached' }] : [],
      },
      supplementaryConfiguration: {},
    };
    case 'database': return {
      ...base,
      resourceType: 'AWS::RDS::DBInstance',
      resourceId: `db-${i.toString(36).toUpperCase()}`,
      configuration: {
        dBInstanceIdentifier: `db-${i}`,
        engine: 'postgres',
        storageEncrypted: next() < 0.9,
        backupRetentionPeriod: next() < 0.9 ? 7 : 0,
        preferredBackupWindow: '03:00-04:00',
        kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
        multiAZ: true,
      },
      supplementaryConfiguration: {},
    };
    case 'bucket': return {
      ...base,
      resourceType: 'AWS::S3::Bucket',
      resourceId: `bucket-${i}`,
      configuration: { name: `bucket-${i}`, creationDate: '2026-01-01T00:00:00.000Z' },
      supplementaryConfiguration: {
        ServerSideEncryptionConfiguration: next() < 0.9 ? { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: 'k1' } }] } : undefined,
        BucketVersioningConfiguration: { status: 'Enabled' },
        PublicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      },
    };
    case 'role': return {
      ...base,
      resourceType: 'AWS::IAM::Role',
      resourceId: `AROA${i}`,
      configuration: { roleName: `role-${i}`, path: '/', assumeRolePolicyDocument: '%7B%22Version%22%3A%222012-10-17%22%7D', rolePolicyList: next() < 0.3 ? [INLINE_POLICY] : [] },
      supplementaryConfiguration: {},
    };
    case 'user': return {
      ...base,
      resourceType: 'AWS::IAM::User',
      resourceId: `AIDA${i}`,
      configuration: {
        userName: `user-${i}`,
        path: '/',
        groupList: next() < 0.8 ? ['developers'] : [],
        attachedManagedPolicies: next() < 0.2 ? [{ policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] : [],
        userPolicyList: next() < 0.1 ? [INLINE_POLICY] : [],
      },
      supplementaryConfiguration: {},
    };
    case 'policy': return {
      ...base,
      resourceType: 'AWS::IAM::Policy',
      resourceId: `ANPA${i}`,
      configuration: {
        policyName: `policy-${i}`,
        arn: `arn:aws:iam::123456789012:policy/policy-${i}`,
        defaultVersionId: 'v1',
        attachmentCount: 1,
        permissionsBoundaryUsageCount: 0,
        policyVersionList: [{ versionId: 'v1', isDefaultVersion: true, document: next() < 0.1 ? ADMIN_DOCUMENT : READ_DOCUMENT }],
      },
      supplementaryConfiguration: {},
    };
    case 'function': return {
      ...base,
      resourceType: 'AWS::Lambda::Function',
      resourceId: `function-${i}`,
      configuration: { functionName: `function-${i}`, runtime: next() < 0.7 ? 'nodejs20.x' : 'python3.12', timeout: 3, memorySize: 128, role: 'arn:aws:iam::123456789012:role/app', packageType: 'Zip' },
      supplementaryConfiguration: next() < 0.5 ? { Policy: FUNCTION_POLICY } : {},
    };
    case 'table': return {
      ...base,
      resourceType: 'AWS::DynamoDB::Table',
      resourceId: `table-${i}`,
      configuration: { tableName: `table-${i}`, ssedescription: next() < 0.6 ? { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k1' } : null },
      supplementaryConfiguration: { ContinuousBackupsDescription: { pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: next() < 0.7 ? 'ENABLED' : 'DISABLED' } } },
    };
    case 'topic': return {
      ...base,
      resourceType: 'AWS::SNS::Topic',
      resourceId: `arn:aws:sns:eu-west-1:123456789012:topic-${i}`,
      configuration: { TopicArn: `arn:aws:sns:eu-west-1:123456789012:topic-${i}`, ...(next() < 0.6 ? { KmsMasterKeyId: 'alias/aws/sns' } : {}) },
      supplementaryConfiguration: {},
    };
    case 'secret': return {
      ...base,
      resourceType: 'AWS::SecretsManager::Secret',
      resourceId: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:s-${i}`,
      configuration: { Name: `s-${i}`, RotationEnabled: next() < 0.5, RotationRules: { AutomaticallyAfterDays: 30 } },
      supplementaryConfiguration: {},
    };
    case 'subnet': return {
      ...base,
      resourceType: 'AWS::EC2::Subnet',
      resourceId: `subnet-${i.toString(16)}`,
      configuration: { subnetId: `subnet-${i}`, vpcId: 'vpc-1', mapPublicIpOnLaunch: next() < 0.3, assignIpv6AddressOnCreation: false },
      supplementaryConfiguration: {},
    };
    case 'loadBalancer': return {
      ...base,
      resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      resourceId: `arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/lb-${i}/1`,
      configuration: { type: 'application', loadBalancerName: `lb-${i}` },
      supplementaryConfiguration: { LoadBalancerAttributes: [{ key: 'access_logs.s3.enabled', value: next() < 0.5 ? 'true' : 'false' }, { key: 'access_logs.s3.bucket', value: 'logs' }] },
    };
    case 'snapshot': return {
      ...base,
      resourceType: 'AWS::RDS::DBSnapshot',
      resourceId: `snapshot-${i}`,
      configuration: { dBSnapshotIdentifier: `snapshot-${i}`, encrypted: next() < 0.8 },
      supplementaryConfiguration: { DBSnapshotAttributes: [{ attributeName: 'restore', attributeValues: next() < 0.05 ? ['all'] : [] }] },
    };
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function time(run: () => unknown): number {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** What one measuring process reports. */
interface Measure {
  readonly items: number;
  readonly evaluations: number;
  readonly ms: number;
  readonly maxRssMb: number;
}

/**
 * One run over a file, in this process: `whole` as the CLI read files until now (read whole, one
 * JSON.parse, every item evaluated), `stream` as it reads them now (chunks, the newest item per resource).
 */
async function measure(mode: string, file: string): Promise<Measure> {
  const rules = RECOMMENDED_RULES.map(compileRule);
  const start = process.hrtime.bigint();
  let items = 0;
  let evaluations = 0;
  if (mode === 'whole') {
    const counted = function* (all: Iterable<ConfigurationItem>) {
      for (const item of all) {
        items++;
        yield item;
      }
    };
    evaluations = evaluateItems(counted(parseConfigurationItems(fs.readFileSync(file))), rules).length;
  } else {
    const newest = new NewestItemEvaluations(rules.map((rule) => ({ rule })), new Date());
    await readConfigurationItems(fs.createReadStream(file, { highWaterMark: CHUNK_BYTES }), (item) => {
      items++;
      newest.add(item);
    });
    for (const _ of newest.evaluations()) {
      evaluations++;
    }
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { items, evaluations, ms, maxRssMb: peakRssMb() };
}

/**
 * A measure in a fresh process, so that its peak RSS is the run's alone, running this file bundled
 * as the CLI is (esbuild), not under ts-node, whose compiler would count in the RSS.
 */
function measureApart(bundle: string, mode: string, file: string): Measure {
  const child = spawnSync(process.execPath, [bundle, '--measure', mode, file], { encoding: 'utf8' });
  if (child.status !== 0) {
    throw new Error(`measuring ${mode} ${file} failed: ${child.stderr}`);
  }
  return JSON.parse(child.stdout);
}

/** Writes a snapshot of synthetic items to `file` until it holds `bytes`, a batch of items at a time. */
function writeSnapshot(file: string, bytes: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    const next = random(7);
    let written = fs.writeSync(fd, '{"fileVersion":"1.0","configSnapshotId":"bench-big","configurationItems":[');
    for (let i = 0; written < bytes;) {
      const batch: string[] = [];
      for (const end = i + 10_000; i < end; i++) {
        batch.push(JSON.stringify(syntheticItem(i, next)));
      }
      written += fs.writeSync(fd, (written > 80 ? ',' : '') + batch.join(','));
    }
    fs.writeSync(fd, ']}');
  } finally {
    fs.closeSync(fd);
  }
}

const perSecond = (measured: Measure) => measured.items / (measured.ms / 1000);
const figures = (measured: Measure) =>
  `${Math.round(perSecond(measured)).toLocaleString('en')} items/s, peak RSS ${measured.maxRssMb.toFixed(0)} MB (${measured.items.toLocaleString('en')} items, ${measured.evaluations.toLocaleString('en')} evaluations)`;

async function bench(): Promise<void> {
  const next = random(42);
  const snapshot = { fileVersion: '1.0', configSnapshotId: 'bench', configurationItems: Array.from({ length: ITEM_COUNT }, (_, i) => syntheticItem(i, next)) };
  const bytes = Buffer.from(JSON.stringify(snapshot));
  const rules = RECOMMENDED_RULES.map(compileRule);
  console.log(`snapshot: ${ITEM_COUNT.toLocaleString('en')} items of ${new Set(ITEM_KINDS).size} kinds, ${(bytes.length / 1e6).toFixed(1)} MB`);
  for (const [label, ruleSet, target] of [['recommended set', RECOMMENDED_RULES, RECOMMENDED_RATIO_LIMIT], ['every built-in rule', EVERY_RULE, EVERY_RULE_RATIO_LIMIT]] as const) {
    const compiled = ruleSet.map(compileRule);
    // One untimed round first: the figures are for code the JIT has compiled, as in a warm Lambda.
    JSON.parse(bytes.toString('utf8'));
    let evaluationCount = evaluateItems(parseConfigurationItems(bytes), compiled).length;
    const parseOnly: number[] = [];
    const parseAndEvaluate: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      parseOnly.push(time(() => JSON.parse(bytes.toString('utf8'))));
      parseAndEvaluate.push(time(() => {
        evaluationCount = evaluateItems(parseConfigurationItems(bytes), compiled).length;
      }));
    }
    const full = median(parseAndEvaluate);
    const ratio = median(parseAndEvaluate.map((ms, run) => ms / parseOnly[run]));
    console.log(`${label}, ${compiled.length} rules: ${evaluationCount.toLocaleString('en')} evaluations; JSON.parse alone ${median(parseOnly).toFixed(0)} ms, ` +
      `parse + evaluate ${full.toFixed(0)} ms = ${Math.round(ITEM_COUNT / (full / 1000)).toLocaleString('en')} items/s (medians of ${RUNS}); ` +
      `ratio (parse + evaluate) / JSON.parse ${ratio.toFixed(2)} (median of ${RUNS} paired runs; target <= ${target})`);
  }

  // The CLI's streaming path over the same bytes, in 1 MB chunks as it reads files, paired with the whole-text path.
  const chunks = Array.from({ length: Math.ceil(bytes.length / CHUNK_BYTES) }, (_, i) => bytes.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES));
  const stream = async () => {
    const newest = new NewestItemEvaluations(rules.map((rule) => ({ rule })), new Date());
    await readConfigurationItems(Readable.from(chunks), (item) => newest.add(item));
    return [...newest.evaluations()].length;
  };
  await stream();
  const wholeMs: number[] = [];
  const streamedMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    wholeMs.push(time(() => evaluateItems(parseConfigurationItems(bytes), rules).length));
    streamedMs.push(await timeAsync(stream));
  }
  const streamShare = median(wholeMs.map((ms, run) => ms / streamedMs[run]));
  console.log(`streamed:           ${median(streamedMs).toFixed(0)} ms (median of ${RUNS}) = ${Math.round(ITEM_COUNT / (median(streamedMs) / 1000)).toLocaleString('en')} items/s, ` +
    `${Math.round(streamShare * 100)}% of parse + evaluate's items/s (median of ${RUNS} paired runs; goal >= ${THROUGHPUT_GOAL * 100}%)`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-engine-'));
  try {
    const bundle = path.join(dir, 'bench-engine.js');
    buildSync({ entryPoints: [__filename], bundle: true, platform: 'node', target: 'node20', outfile: bundle, logLevel: 'silent' });
    const small = path.join(dir, 'snapshot.json');
    fs.writeFileSync(small, bytes);
    const whole = measureApart(bundle, 'whole', small);
    console.log(`\n${(bytes.length / 1e6).toFixed(0)} MB snapshot, read whole (the CLI until now): ${figures(whole)}`);
    console.log(`${(bytes.length / 1e6).toFixed(0)} MB snapshot, streamed:                     ${figures(measureApart(bundle, 'stream', small))}`);
    const big = path.join(dir, 'big-snapshot.json');
    writeSnapshot(big, BIG_BYTES);
    await pipeline(fs.createReadStream(big), createGzip(), fs.createWriteStream(`${big}.gz`));
    for (const [label, file] of [['plain', big], ['gzip', `${big}.gz`]]) {
      const streamed = measureApart(bundle, 'stream', file);
      const share = perSecond(streamed) / perSecond(whole);
      console.log(`${(fs.statSync(big).size / 1e9).toFixed(2)} GB snapshot (${label}, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB), streamed: ${figures(streamed)}; ` +
        `${Math.round(share * 100)}% of the small snapshot read whole (goal >= ${THROUGHPUT_GOAL * 100}%, RSS <= ${RSS_GOAL_MB} MB)`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--measure') {
  void measure(process.argv[3], process.argv[4]).then((measured) => console.log(JSON.stringify(measured)));
} else {
  void bench();
}
