import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { EXIT_ALTERED, EXIT_BAD_INPUT, EXIT_VERIFIED } from '../../cli/main';
import { createAggregator } from '../../lambda/aggregator/aggregator';
import { ReportStore } from '../../lambda/aggregator/report-store';
import { FindingStore } from '../../lambda/findings/finding-store';
import { LATEST_HTML_KEY, LATEST_MANIFEST_KEY, LATEST_REPORT_KEY, reportKey } from '../../src/core/storage/report-layout';
import { runCli, scratchDirectory } from '../support/cli';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { silentLogger, untraced } from '../support/observability';
import { LocalS3, startS3rver } from '../support/s3rver';

const TABLE = 'compliance-findings-verify';
const BUCKET = 'compliance-reports-verify';
const RULE = 'restricted-ssh-test';
const RUNS = ['2026-11-23T12:00:00.000Z', '2026-11-24T12:00:00.000Z', '2026-11-25T12:00:00.000Z'].map((time) => new Date(time));
const manifestOf = (run: number) => reportKey(RUNS[run], 'manifest.json');
/** What `aws s3 sync s3://BUCKET DIR` left after the aggregator's runs, copied for each test to change. */
const DOWNLOADED = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-bucket-'));

const scratch = scratchDirectory('verify-');
const verify = (...argv: string[]) => runCli(['verify', ...argv]);

let dynamo: LocalDynamoDb;
let s3: LocalS3;

/** The bucket's objects as files under `dir`, at their keys, as `aws s3 sync` writes them. */
async function download(dir: string): Promise<void> {
  const { Contents } = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  for (const { Key } of Contents!) {
    const { Body } = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    fs.mkdirSync(path.dirname(path.join(dir, Key!)), { recursive: true });
    fs.writeFileSync(path.join(dir, Key!), await Body!.transformToByteArray());
  }
}

/** A copy of the downloaded bucket, for one test to change. */
function downloaded(): string {
  fs.cpSync(DOWNLOADED, scratch.path(), { recursive: true });
  return scratch.path();
}

beforeAll(async () => {
  [dynamo, s3] = await Promise.all([startDynalite(), startS3rver(BUCKET)]);
  await createFindingsTable(dynamo.client, TABLE);
  const findings = new FindingStore(dynamo.documents, TABLE, 1);
  const aggregator = (now: Date) => createAggregator({
    documents: dynamo.documents,
    findingsTable: TABLE,
    reports: new ReportStore(s3.client, BUCKET),
    configRuleNames: [RULE],
    logger: silentLogger('aggregator'),
    tracer: untraced(),
    now: () => now,
  });
  for (const [run, now] of RUNS.entries()) {
    // Each run a new finding, so that every report differs; the annotation with characters each format escapes.
    await findings.recordChange({
      configRuleName: RULE,
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: `sg-${run}`,
      awsAccountId: '123456789012',
      awsRegion: 'eu-west-1',
      newComplianceType: run % 2 === 0 ? 'NON_COMPLIANT' : 'COMPLIANT',
      annotation: 'Ingress "0.0.0.0/0", <22>',
      recordedAt: now.toISOString(),
    }, 'HIGH');
    await aggregator(now)({}, { awsRequestId: `req-${run}` } as Context);
  }
  await download(DOWNLOADED);
}, 60_000);
afterAll(async () => {
  await dynamo.client.send(new DeleteTableCommand({ TableName: TABLE }));
  await Promise.all([dynamo.close(), s3.close()]);
  fs.rmSync(DOWNLOADED, { recursive: true, force: true });
});

/** The one line on stderr, without the program's name. */
function mismatchLine(stderr: string): string {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  return stderr.replace(/^cdk-compliance-monitor: /, '').trimEnd();
}

describe('a folder as the aggregator wrote it', () => {
  test('exits 0 with one line: the manifests and files verified, the newest manifest and its hash', async () => {
    const { code, stdout, stderr } = await verify(downloaded());

    expect([code, stderr]).toEqual([EXIT_VERIFIED, '']);
    expect(stdout).toMatch(new RegExp(`^verified 3 manifests and 11 files; newest ${manifestOf(2)} sha256 [0-9a-f]{64}\\n$`));
  });

  test('a file no manifest lists is counted, not failed', async () => {
    const dir = downloaded();
    fs.writeFileSync(path.join(dir, 'reports', 'notes.txt'), 'added');

    const { code, stdout } = await verify(dir);

    expect(code).toBe(EXIT_VERIFIED);
    expect(stdout).toMatch(/; 1 file in no manifest \(first reports\/notes.txt\)\n$/);
  });
});

describe('a folder that is not as the aggregator wrote it exits 1, naming the first file or link that does not match', () => {
  test.each([
    ...RUNS.flatMap((now) => ['json', 'csv', 'html'].map((extension) => reportKey(now, extension))),
    LATEST_REPORT_KEY, LATEST_HTML_KEY,
  ])('a changed byte in %s', async (key) => {
    const dir = downloaded();
    const file = path.join(dir, key);
    const bytes = fs.readFileSync(file);
    // Inside the report, not at its end: one character of the middle.
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle] === 0x41 ? 0x42 : 0x41;
    fs.writeFileSync(file, bytes);

    const { code, stdout, stderr } = await verify(dir);

    expect([code, stdout]).toEqual([EXIT_ALTERED, '']);
    expect(mismatchLine(stderr)).toMatch(new RegExp(`^${key}: changed \\(sha256 [0-9a-f]{64}, ${bytes.length} bytes; reports/\\S+\\.manifest\\.json lists sha256 [0-9a-f]{64}, ${bytes.length} bytes\\)$`));
  });

  test('a removed file', async () => {
    const dir = downloaded();
    fs.rmSync(path.join(dir, reportKey(RUNS[0], 'csv')));

    const { code, stderr } = await verify(dir);

    expect(code).toBe(EXIT_ALTERED);
    expect(mismatchLine(stderr)).toBe(`${reportKey(RUNS[0], 'csv')}: missing (listed in ${manifestOf(0)})`);
  });

  test('a folder where a report was: the report is missing, not read', async () => {
    const dir = downloaded();
    fs.rmSync(path.join(dir, reportKey(RUNS[1], 'html')));
    fs.mkdirSync(path.join(dir, reportKey(RUNS[1], 'html')));

    const { code, stderr } = await verify(dir);

    expect(code).toBe(EXIT_ALTERED);
    expect(mismatchLine(stderr)).toBe(`${reportKey(RUNS[1], 'html')}: missing (listed in ${manifestOf(1)})`);
  });

  test('a removed manifest', async () => {
    const dir = downloaded();
    fs.rmSync(path.join(dir, manifestOf(1)));

    const { code, stderr } = await verify(dir);

    expect(code).toBe(EXIT_ALTERED);
    expect(mismatchLine(stderr)).toBe(`link broken: ${manifestOf(2)} links to ${manifestOf(1)}, which is missing, but the manifest before it is ${manifestOf(0)}`);
  });

  test('swapped manifests', async () => {
    const dir = downloaded();
    const [first, second] = [path.join(dir, manifestOf(0)), path.join(dir, manifestOf(1))];
    const firstBytes = fs.readFileSync(first);
    fs.copyFileSync(second, first);
    fs.writeFileSync(second, firstBytes);

    const { code, stderr } = await verify(dir);

    expect(code).toBe(EXIT_ALTERED);
    expect(mismatchLine(stderr)).toBe(`link broken: ${manifestOf(0)} links to ${manifestOf(0)}, but no manifest comes before it`);
  });

  test('a manifest edited to vouch for an edited report: its successor\'s link names it', async () => {
    const dir = downloaded();
    const manifest = path.join(dir, manifestOf(0));
    const edited = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    edited.objects[0].bytes += 1;
    fs.writeFileSync(manifest, JSON.stringify(edited));

    const { code, stderr } = await verify(dir);

    expect(code).toBe(EXIT_ALTERED);
    expect(mismatchLine(stderr)).toMatch(new RegExp(`^link broken: ${manifestOf(1)} links to ${manifestOf(0)} with sha256 [0-9a-f]{64}, but that file's sha256 is [0-9a-f]{64}$`));
  });

  test('a latest manifest that is not the newest', async () => {
    const dir = downloaded();
    fs.copyFileSync(path.join(dir, manifestOf(1)), path.join(dir, LATEST_MANIFEST_KEY));

    const { code, stderr } = await verify(dir);

    expect(code).toBe(EXIT_ALTERED);
    expect(mismatchLine(stderr)).toBe(`${LATEST_MANIFEST_KEY}: not a copy of the newest manifest, ${manifestOf(2)}`);
  });
});

describe('bad usage or a folder that cannot be read exits 2, in one line', () => {
  test.each([
    [[], 'no DIR given (usage: cdk-compliance-monitor verify DIR)'],
    [['a', 'b'], 'one DIR expected (got 2) (usage: cdk-compliance-monitor verify DIR)'],
    [['--quick', 'a'], 'unknown option "--quick" (usage: cdk-compliance-monitor verify DIR)'],
  ])('verify %j', async (argv, message) => {
    const { code, stdout, stderr } = await verify(...argv);

    expect([code, stdout]).toEqual([EXIT_BAD_INPUT, '']);
    expect(mismatchLine(stderr)).toBe(message);
  });

  test.each([
    ['a missing folder', () => '/nonexistent/reports', (dir: string) => `${dir}: cannot read (ENOENT)`],
    ['a file', () => scratch.write('file.json', '{}'), (dir: string) => `${dir}: cannot read (ENOTDIR)`],
    ['a folder without manifests', () => scratch.path(), (dir: string) =>
      `${dir}: no manifest (reports/YYYY/MM/DD/compliance-report-*.manifest.json or ${LATEST_MANIFEST_KEY}); download the whole bucket: aws s3 sync s3://BUCKET ${dir}`],
  ])('%s', async (_, folder, message) => {
    const dir = folder();
    const { code, stdout, stderr } = await verify(dir);

    expect([code, stdout]).toEqual([EXIT_BAD_INPUT, '']);
    expect(mismatchLine(stderr)).toBe(message(dir));
  });
});

test('the bundled bin verifies, and sets the exit code', () => {
  const bin = path.join(__dirname, '..', '..', 'assets', 'cli', 'index.js');
  const dir = downloaded();

  const good = spawnSync(bin, ['verify', dir], { encoding: 'utf8' });
  expect([good.status, good.stderr]).toEqual([EXIT_VERIFIED, '']);
  expect(good.stdout).toMatch(/^verified 3 manifests and 11 files; /);

  fs.appendFileSync(path.join(dir, LATEST_REPORT_KEY), ' ');
  const changed = spawnSync(bin, ['verify', dir], { encoding: 'utf8' });
  expect([changed.status, changed.stdout]).toEqual([EXIT_ALTERED, '']);
  expect(changed.stderr).toMatch(/^cdk-compliance-monitor: reports\/latest.json: changed \(/);
});
