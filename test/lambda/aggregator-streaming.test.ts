import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { createAggregator } from '../../lambda/aggregator/aggregator';
import { LatestManifestError, PART_SIZE, ReportStore } from '../../lambda/aggregator/report-store';
import { changesSince, ReportOrderError } from '../../src/core/report/changes-since';
import { CSV_HEADER } from '../../src/core/report/csv';
import { jsonReport } from '../../src/core/report/json';
import { buildReport, ReportedEvaluation } from '../../src/core/report/report';
import { meanTimeToRemediate } from '../../src/core/report/time-to-remediate';
import { reportKey } from '../../src/core/storage/report-layout';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { silentLogger, untraced } from '../support/observability';
import { LocalS3, startS3rver } from '../support/s3rver';

const TABLE = 'compliance-findings-streaming';
const BUCKET = 'compliance-reports-streaming';
const RULES = ['restricted-ssh-test', 'required-tags-test', 'encrypted-volumes-test'];
const RESOURCES = 2_000;
/** Long enough that 6,000 evaluations make more than one 5 MB part of JSON and of CSV. */
const ANNOTATION = `Ingress open: ${'0.0.0.0/0 on TCP 22, '.repeat(45)}`;
const context = { awsRequestId: 'req-streaming' } as Context;
/** This file's temporary storage, as Lambda's /tmp: the aggregator spills the changes there. */
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'aggregator-streaming-'));
process.env.TMPDIR = TMP;

let dynamo: LocalDynamoDb;
let s3: LocalS3;
/** The S3 commands the aggregator sent, and the key of each. */
const sent: Array<{ name: string; key: string }> = [];

/** The current state of resource `i` for `rule`: one in seven violations, one in eleven with a fix timed. */
function current(rule: string, i: number, violationEvery: number): Record<string, unknown> {
  return {
    resourceId: `sg-${String(i).padStart(6, '0')}`,
    timestamp: `CURRENT#${rule}`,
    currentRule: rule,
    configRuleName: rule,
    resourceType: 'AWS::EC2::SecurityGroup',
    complianceType: i % violationEvery === 0 ? 'NON_COMPLIANT' : 'COMPLIANT',
    annotation: ANNOTATION,
    severity: 'HIGH',
    recordedAt: '2026-11-23T10:00:00.000Z',
    ...(i % 11 === 0 ? { remediatedAt: '2026-11-23T10:00:00.000Z', timeToRemediateSeconds: 600 + i } : {}),
  };
}

async function seed(items: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25 * 8) {
    await Promise.all(Array.from({ length: 8 }, (_, batch) => items.slice(start + batch * 25, start + (batch + 1) * 25))
      .filter((batch) => batch.length > 0)
      .map((batch) => dynamo.documents.send(new BatchWriteCommand({ RequestItems: { [TABLE]: batch.map((Item) => ({ PutRequest: { Item } })) } }))));
  }
}

function seeded(violationEvery: number): Record<string, unknown>[] {
  return RULES.flatMap((rule) => Array.from({ length: RESOURCES }, (_, i) => current(rule, i, violationEvery)));
}

/** The evaluations a report lists of the seeded findings, resource by resource, rules in index order at each. */
function evaluationsOf(items: Record<string, any>[]): ReportedEvaluation[] {
  return [...items]
    .sort((a, b) => Buffer.compare(Buffer.from(a.resourceId), Buffer.from(b.resourceId))
      || RULES.indexOf(a.configRuleName) - RULES.indexOf(b.configRuleName))
    // With their evidence, as the findings carry it: account, region, and when Config recorded the result.
    .map(({ configRuleName, resourceType, resourceId, complianceType, annotation, severity, awsAccountId, awsRegion, recordedAt }) =>
      ({ configRuleName, resourceType, resourceId, complianceType, annotation, severity, awsAccountId, awsRegion, resultRecordedTime: recordedAt }));
}

function aggregator(now: string, overrides: { findingsTable?: string; bucket?: string; configRuleNames?: string[] } = {}) {
  return createAggregator({
    documents: dynamo.documents,
    findingsTable: overrides.findingsTable ?? TABLE,
    reports: new ReportStore(s3.client, overrides.bucket ?? BUCKET),
    configRuleNames: overrides.configRuleNames ?? RULES,
    logger: silentLogger('aggregator'),
    tracer: untraced(),
    now: () => new Date(now),
  });
}

async function text(key: string): Promise<string> {
  return (await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString();
}

async function bytes(key: string): Promise<Buffer> {
  return Buffer.from(await (await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray());
}

/** An object as a manifest should list it, hashed here from what S3 returns. */
async function listed(key: string, as = key): Promise<{ key: string; sha256: string; bytes: number }> {
  const body = await bytes(key);
  return { key: as, sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length };
}

async function keys(): Promise<string[]> {
  return ((await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((entry) => entry.Key!).sort();
}

beforeAll(async () => {
  [dynamo, s3] = await Promise.all([startDynalite(), startS3rver(BUCKET)]);
  await createFindingsTable(dynamo.client, TABLE);
  s3.client.middlewareStack.add((next, { commandName }) => async (args) => {
    sent.push({ name: commandName!, key: (args.input as { Key: string }).Key });
    return next(args);
  }, { step: 'initialize', name: 'record' });
}, 60_000);
afterAll(async () => {
  await dynamo.client.send(new DeleteTableCommand({ TableName: TABLE }));
  await Promise.all([dynamo.close(), s3.close()]);
  fs.rmSync(TMP, { recursive: true, force: true });
});

describe('the aggregator streams a report of several parts', () => {
  const FIRST = '2026-11-23T12:00:00.000Z';
  const SECOND = '2026-11-24T12:00:00.000Z';

  test('JSON and CSV of more than one 5 MB part each, read back and parsed: the same document as a report built in memory', async () => {
    const items = seeded(7);
    await seed(items);

    const { reportKey: key } = await aggregator(FIRST)({}, context);
    const writes = sent.splice(0).filter((command) => command.name !== 'GetObjectCommand');
    // The latest JSON completes after every other rendering: the next report never reads one whose renderings are not all written.
    // The manifest follows every object it lists, and its latest copy, which the next run links to, comes last.
    expect(writes.slice(-3)).toEqual([
      { name: 'CompleteMultipartUploadCommand', key: 'reports/latest.json' },
      { name: 'PutObjectCommand', key: reportKey(new Date(FIRST), 'manifest.json') },
      { name: 'PutObjectCommand', key: 'reports/latest.manifest.json' },
    ]);

    const json = await text(key);
    const csv = await text(reportKey(new Date(FIRST), 'csv'));
    expect(json.length).toBeGreaterThan(PART_SIZE);
    expect(csv.length).toBeGreaterThan(PART_SIZE);
    for (const object of [key, reportKey(new Date(FIRST), 'csv'), 'reports/latest.json']) {
      expect(writes.filter((command) => command.key === object).map((command) => command.name)).toEqual([
        'CreateMultipartUploadCommand', ...Array.from({ length: Math.ceil(Buffer.byteLength(object.endsWith('csv') ? csv : json) / PART_SIZE) }, () => 'UploadPartCommand'),
        'CompleteMultipartUploadCommand',
      ]);
    }
    const evaluations = evaluationsOf(items);
    const inMemory = {
      ...buildReport(evaluations, new Date(FIRST)),
      changes_since_previous: changesSince(undefined, evaluations),
      mean_time_to_remediate: meanTimeToRemediate(items as any),
    };
    const report = JSON.parse(json);
    expect(Object.keys(report).sort()).toEqual(Object.keys(inMemory).sort());
    expect(report).toEqual(JSON.parse(JSON.stringify(inMemory)));
    expect(report.resource_summary).toEqual({
      total: RESOURCES, compliant: 1714, non_compliant: 286, exempt: 0, not_applicable: 0, compliance_percentage: 85.7,
    });
    expect(csv.split('\r\n')).toHaveLength(evaluations.length + 2);
    // The findings' evidence after the annotation: no ARN, account or region in these, no item; Config's result time.
    expect(csv.split('\r\n')[1]).toBe(`restricted-ssh-test,AWS::EC2::SecurityGroup,sg-000000,NON_COMPLIANT,HIGH,"${ANNOTATION}",,,,,,${evaluations[0].resultRecordedTime}`);
    expect(await text('reports/latest.json')).toBe(json);
    const html = await text('reports/latest.html');
    expect(html).toContain('<h2>Non-compliant evaluations (858)</h2>');
    expect(html).toContain('<span class="resource-percentage">85.7%</span>');
  }, 120_000);

  test('the first manifest lists every object of the run, hashed as it streamed in parts: the hashes of the objects as S3 returns them', async () => {
    const manifestKey = reportKey(new Date(FIRST), 'manifest.json');
    const manifest = await bytes(manifestKey);

    expect(JSON.parse(manifest.toString())).toEqual({
      manifestVersion: 1,
      key: manifestKey,
      generatedAt: FIRST,
      objects: await Promise.all(['csv', 'html', 'json'].map((extension) => listed(reportKey(new Date(FIRST), extension)))),
      latest: [await listed('reports/latest.html'), await listed('reports/latest.json')],
      previous: null,
    });
    expect(await bytes('reports/latest.manifest.json')).toEqual(manifest);
  }, 60_000);

  test('the next report compares with that previous one, read as a stream', async () => {
    const items = seeded(5);
    await seed(items);

    const report = JSON.parse(await text((await aggregator(SECOND)({}, context)).reportKey));

    const previous = buildReport(evaluationsOf(seeded(7)), new Date(FIRST));
    expect(report.changes_since_previous).toEqual(JSON.parse(JSON.stringify(changesSince(previous, evaluationsOf(items)))));
    expect(report.changes_since_previous).toMatchObject({ previous_report_timestamp: '2026-11-23T12:00:00Z', previous_compliance_percentage: 85.7 });
    const { newly_non_compliant: newlyNonCompliant, newly_fixed: newlyFixed } = report.changes_since_previous;
    expect(newlyFixed.length).toBeGreaterThan(0);
    expect(newlyNonCompliant.length).toBeGreaterThan(1000);
    // The page counts every change, and shows the first 1,000 of a longer list.
    const html = await text('reports/latest.html');
    expect(html).toContain(`${newlyNonCompliant.length} newly non-compliant, ${newlyFixed.length} newly fixed.`);
    expect(html).toContain(`The 1,000 shown of ${newlyNonCompliant.length.toLocaleString('en')}; the JSON report lists them all.`);
    // The changes went through temporary storage, and nothing is left there for the next run.
    expect(fs.readdirSync(TMP)).toEqual([]);
  }, 120_000);

  test('the second manifest links to the first, by its key and the SHA-256 of its bytes', async () => {
    const first = reportKey(new Date(FIRST), 'manifest.json');
    const second = JSON.parse(await text(reportKey(new Date(SECOND), 'manifest.json')));

    expect(second.previous).toEqual({ key: first, sha256: (await listed(first)).sha256 });
    expect(second.objects).toEqual(await Promise.all(['csv', 'html', 'json'].map((extension) => listed(reportKey(new Date(SECOND), extension)))));
    expect(second.latest).toEqual([await listed('reports/latest.html'), await listed('reports/latest.json')]);
    expect(await text('reports/latest.manifest.json')).toBe(await text(reportKey(new Date(SECOND), 'manifest.json')));
  }, 60_000);

  test('a failed read writes no report and no manifest, and leaves the latest and the latest manifest as they were', async () => {
    const before = await keys();
    const latest = await text('reports/latest.json');
    const latestManifest = await text('reports/latest.manifest.json');

    await expect(aggregator('2026-11-25T12:00:00.000Z', { findingsTable: 'no-such-table' })({}, context)).rejects.toThrow(/non-existent table|not found/i);

    expect(await keys()).toEqual(before);
    expect(await text('reports/latest.json')).toBe(latest);
    expect(await text('reports/latest.manifest.json')).toBe(latestManifest);
    expect(fs.readdirSync(TMP)).toEqual([]);
  }, 60_000);

  test('a failed upload fails the report, instead of waiting for it forever', async () => {
    const store = new ReportStore(s3.client, 'no-such-bucket');
    // Only a missing latest report means a first report: a missing bucket is an error.
    await expect(store.previous()).rejects.toThrow(/bucket/i);
    const writer = store.open(new Date('2026-11-25T12:00:00.000Z'), null);
    await writer.write('x'.repeat(2 * PART_SIZE), '');
    await expect(writer.finish('', '')).rejects.toThrow(/bucket/i);
  }, 60_000);
});

describe('the findings merged by resource', () => {
  test('a set without rules is an empty report, in every rendering', async () => {
    const { reportKey: key } = await aggregator('2026-11-27T12:00:00.000Z', { configRuleNames: [] })({}, context);

    const json = await text(key);
    expect(json).toContain('\n  "evaluations": [],\n');
    expect(JSON.parse(json)).toMatchObject({
      evaluations: [], summary: { total_resources: 0, compliance_percentage: 100 }, resource_summary: { total: 0 },
    });
    expect(await text(reportKey(new Date('2026-11-27T12:00:00.000Z'), 'csv'))).toBe(CSV_HEADER);
  });

  test('every resource once, whatever characters its id holds: the merge follows the order DynamoDB sorts ids in', async () => {
    const table = 'compliance-findings-unicode';
    await createFindingsTable(dynamo.client, table);
    // In UTF-16 order the astral id sorts before U+FFFD and U+E000; in DynamoDB's UTF-8 order, after.
    const ids = ['sg-a', 'sg-\u{1F600}', 'sg-\uFFFD', 'sg-\uE000', 'sg-\u00e9', 'sg-'];
    const items = RULES.flatMap((rule, r) => ids.filter((_, i) => (i + r) % 3 !== 0).map((resourceId, i) => ({
      ...current(rule, i, 2), resourceId,
    })));
    await dynamo.documents.send(new BatchWriteCommand({ RequestItems: { [table]: items.map((Item) => ({ PutRequest: { Item } })) } }));

    const report = JSON.parse(await text((await aggregator('2026-11-26T12:00:00.000Z', { findingsTable: table })({}, context)).reportKey));

    expect(report.evaluations).toHaveLength(items.length);
    expect(report.resource_summary.total).toBe(ids.length);
    expect(report.summary.total_resources).toBe(ids.length);
    expect(report.resource_summary).toEqual(buildReport(evaluationsOf(items), new Date()).resource_summary);
    const order = report.evaluations.map((evaluation: ReportedEvaluation) => evaluation.resourceId);
    expect([...new Set(order)]).toEqual([...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  }, 60_000);
});

describe('a previous report the merge cannot read', () => {
  test('one whose evaluations are out of resource id order fails the report, naming the fix, and is left as it was', async () => {
    const violation = (resourceId: string): ReportedEvaluation =>
      ({ configRuleName: RULES[0], resourceType: 'AWS::EC2::SecurityGroup', resourceId, complianceType: 'NON_COMPLIANT', annotation: '' });
    const { report_timestamp: taken, evaluations, ...figures } = buildReport([violation('sg-999999'), violation('sg-000001')], new Date('2026-11-28T12:00:00Z'));
    const edited = jsonReport.head(taken) + evaluations.map((item, i) => jsonReport.evaluation(item, i === 0)).join('') + jsonReport.tail(figures, false);
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'reports/latest.json', Body: edited }));
    const before = await keys();

    const run = aggregator('2026-11-29T12:00:00.000Z')({}, context);

    await expect(run).rejects.toThrow(ReportOrderError);
    await expect(run).rejects.toThrow('lists resource "sg-000001" after "sg-999999"');
    expect(await keys()).toEqual(before);
    expect(await text('reports/latest.json')).toBe(edited);
    expect(fs.readdirSync(TMP)).toEqual([]);
  }, 60_000);
});

describe('a latest manifest the chain cannot go on from', () => {
  test('fails the run before anything is written, naming the fix, and is left as it was', async () => {
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'reports/latest.manifest.json', Body: '{"manifestVersion": 1, "key": ' }));
    const before = await keys();
    sent.splice(0);

    const run = aggregator('2026-11-30T12:00:00.000Z')({}, context);

    await expect(run).rejects.toThrow(LatestManifestError);
    await expect(run).rejects.toThrow(/^reports\/latest.manifest.json is not a manifest \(not valid JSON .*\): restore it from an earlier version, or delete it to start a new chain$/);
    expect(sent.map((command) => command.name)).toEqual(['GetObjectCommand']);
    expect(await keys()).toEqual(before);
    expect(await text('reports/latest.manifest.json')).toBe('{"manifestVersion": 1, "key": ');
  }, 60_000);
});
