/**
 * `npm run bench:runtime`: the handlers' figures. The aggregator's time and peak RSS over 100,000
 * and 1,000,000 current findings in dynalite (BENCH_FINDINGS), beside a plain paginated Query of the same items;
 * the aggregator's quarterly period run (`{"periodReport": "QUARTER"}`) over a quarter of history of 100,000
 * resources (BENCH_PERIOD_RESOURCES; see bench-period-history.ts: about 5 rows a resource, written as the
 * FindingStore writes them, in parallel BatchWrites), beside a plain paginated Query of the same history buckets
 * and current findings, without frameworks as the snapshot run, then with the built-in frameworks' controls;
 * the analyzer's sweep over 10,000 resources on mocked Config pages;
 * each bundle's size; each bundle's cold import time in a fresh Node process (median of several),
 * beside the cold import of the SDK clients it loads, imported alone in the same run.
 * Targets: aggregator, snapshot and period runs alike, at most 256 MB peak RSS and 1.5 times the plain Query's time;
 * bundles at most 100 kB minified; a bundle's cold import at most 1.2 times its SDK clients' alone.
 */
import { execFileSync, spawn } from 'child_process';
import { once } from 'events';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigServiceClient, GetComplianceDetailsByConfigRuleCommand } from '@aws-sdk/client-config-service';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { PERIOD_NOW, PERIOD_RULES, periodRows } from './bench-period-history';
import { createAnalyzer } from '../lambda/analyzer/analyzer';
import { BATCH_WRITE_LIMIT, FindingStore } from '../lambda/findings/finding-store';
import { Logger } from '../lambda/observability/logger';
import { Tracer } from '../lambda/observability/tracer';
import { BUILT_IN_FRAMEWORK_IDS } from '../src/core/frameworks/frameworks';
import { RemediationMode } from '../src/core/remediation-mode';
import { jsonReport } from '../src/core/report/json';
import { ReportTally } from '../src/core/report/report';
import { Severity } from '../src/core/rules/severity';
import { AGGREGATOR_SETTINGS, ANALYZER_SETTINGS, REMEDIATOR_SETTINGS } from '../src/core/settings/handler-settings';
import { createFindingsTable, startDynalite } from '../test/support/dynalite';

/** The table sizes the aggregator is measured at, comma-separated. */
const FINDINGS = (process.env.BENCH_FINDINGS ?? '100000,1000000').split(',').map(Number);
/** The resources whose quarter of history the period run reads, comma-separated. */
const PERIOD_RESOURCES = (process.env.BENCH_PERIOD_RESOURCES ?? '100000').split(',').map(Number);
const SWEEP_RESOURCES = Number(process.env.BENCH_SWEEP_RESOURCES ?? 10_000);
const IMPORT_RUNS = 7;
const RULES = ['restricted-ssh-bench', 'required-tags-bench', 'encrypted-volumes-bench', 'ec2-imdsv2-check-bench'];
const TABLE = 'compliance-findings-bench';
/** The SDK packages each bundle loads on import (the remediator's fixes load theirs on first use). */
const HANDLER_SDK: Record<string, string[]> = {
  analyzer: ['@aws-sdk/client-config-service', '@aws-sdk/client-lambda', '@aws-sdk/client-sns', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  aggregator: ['@aws-sdk/client-s3', '@aws-sdk/lib-storage', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  remediator: ['@aws-sdk/client-sns', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
};
const BUNDLE_LIMIT_KB = 100;
const COLD_IMPORT_RATIO_LIMIT = 1.2;
const AGGREGATOR_RSS_LIMIT_MB = 256;
const AGGREGATOR_TIME_RATIO_LIMIT = 1.5;
/**
 * The bench children's V8 heap limit: on this machine's memory V8 would grow its heap long before
 * collecting, and peak RSS would tell how lazy it is; in a 256 MB function it must collect. A run
 * whose live objects need more fails (out of memory) instead of passing.
 */
const CHILD_HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 128);

const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** The n-th seeded finding: each resource is evaluated by every rule; one in seven is NON_COMPLIANT. */
function seededFinding(i: number, violationEvery: number) {
  const rule = RULES[i % RULES.length];
  return {
    resourceId: `sg-${Math.floor(i / RULES.length).toString(16).padStart(12, '0')}`,
    timestamp: `CURRENT#${rule}`,
    currentRule: rule,
    configRuleName: rule,
    resourceType: 'AWS::EC2::SecurityGroup',
    complianceType: i % violationEvery === 0 ? 'NON_COMPLIANT' : 'COMPLIANT',
    annotation: 'No ingress allows SSH from 0.0.0.0/0 or ::/0',
    severity: 'CRITICAL',
    recordedAt: '2026-11-23T10:00:00.000Z',
  };
}

/** BatchWrites in flight while seeding: dynalite's one thread is what limits, and this keeps it busy. */
const WRITES_IN_FLIGHT = 16;

/** Writes the rows with BatchWrites of 25, several at once; how many were written. */
async function writeRows(
  documents: DynamoDBDocumentClient, rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
): Promise<number> {
  const inFlight = new Set<Promise<void>>();
  const send = (items: Record<string, unknown>[]) => {
    const write: Promise<void> = documents.send(new BatchWriteCommand({ RequestItems: { [TABLE]: items.map((Item) => ({ PutRequest: { Item } })) } }))
      .then(({ UnprocessedItems }) => {
        if ((UnprocessedItems?.[TABLE]?.length ?? 0) > 0) {
          throw new Error('dynalite left items unprocessed');
        }
      })
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
  };
  let batch: Record<string, unknown>[] = [];
  let written = 0;
  for await (const row of rows) {
    batch.push(row);
    written++;
    if (batch.length === BATCH_WRITE_LIMIT) {
      send(batch);
      batch = [];
      if (inFlight.size >= WRITES_IN_FLIGHT) {
        await Promise.race(inFlight);
      }
    }
  }
  if (batch.length > 0) {
    send(batch);
  }
  await Promise.all(inFlight);
  return written;
}

function* seededFindings(count: number): Iterable<Record<string, unknown>> {
  for (let i = 0; i < count; i++) {
    yield seededFinding(i, 7);
  }
}

/**
 * The previous report the aggregator reads back, written as the aggregator writes one: the same
 * findings, one in five NON_COMPLIANT then, so that some are newly fixed and some newly broken.
 */
async function writePreviousReport(file: string, count: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) {
      await once(out, 'drain');
    }
  };
  await write(jsonReport.head('2026-11-22T10:00:00Z'));
  for (let i = 0; i < count; i++) {
    const { configRuleName, resourceType, resourceId, complianceType, annotation, severity } = seededFinding(i, 5);
    await write(jsonReport.evaluation({ configRuleName, resourceType, resourceId, complianceType: complianceType as 'COMPLIANT', annotation, severity }, i === 0));
  }
  const { report_timestamp: _taken, ...figures } = new ReportTally().overview(new Date());
  const tail = jsonReport.tail({ ...figures, summary: { ...figures.summary, compliance_percentage: 80 } }, count === 0);
  await new Promise<void>((resolve) => out.end(tail, () => resolve()));
}

interface ChildFigures {
  readonly ms: number;
  /** What its Queries returned, and how many Query requests it made. */
  readonly items: number;
  readonly queries: number;
  /** The resources the period report lists (MODE=period). */
  readonly resources?: number;
  /** Peak RSS from VmHWM, the child's own. */
  readonly peakRssMb: number;
  /** `resourceUsage().maxRSS`, which on Linux keeps the forking parent's peak: shown so the two are not confused. */
  readonly maxRssMb: number;
}

/** The bench child, bundled as the handlers are, and run by plain node: the peak RSS is not the TypeScript compiler's. */
function bundleChild(): string {
  const childBundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-aggregator-')), 'index.js');
  execFileSync(path.resolve(__dirname, '..', 'node_modules', '.bin', 'esbuild'), [
    path.join(__dirname, 'bench-runtime-aggregator.ts'), '--bundle', '--platform=node', '--external:@aws-sdk/*', `--outfile=${childBundle}`, '--log-level=warning',
  ]);
  return childBundle;
}

async function runChild(childBundle: string, env: Record<string, string>): Promise<ChildFigures> {
  const child = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, childBundle], {
    env: { ...process.env, NODE_PATH: path.resolve(__dirname, '..', 'node_modules'), TABLE, RULES: RULES.join(','), NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'close');
  if (code !== 0) {
    throw new Error(`the bench child (${env.MODE}) failed with exit code ${code}: out of memory under a ${CHILD_HEAP_MB} MB heap, or see its error above`);
  }
  return JSON.parse(output.trim().split('\n').pop()!);
}

const fastest = (figures: ChildFigures[]) => figures.reduce((a, b) => (b.ms < a.ms ? b : a));

interface AggregatorFigures {
  readonly findings: number;
  readonly seedSeconds: number;
  readonly aggregator: ChildFigures;
  readonly query: ChildFigures;
}

/** The aggregator and the plain Query, in turn, twice each over the same table: the better run of each. */
async function aggregatorFigures(childBundle: string, findings: number): Promise<AggregatorFigures> {
  const dynamo = await startDynalite();
  try {
    await createFindingsTable(dynamo.client, TABLE);
    const seeding = process.hrtime.bigint();
    await writeRows(dynamo.documents, seededFindings(findings));
    const seedSeconds = Number(process.hrtime.bigint() - seeding) / 1e9;
    const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-previous-')), 'latest.json');
    await writePreviousReport(previous, findings);
    const endpoint = await dynamo.client.config.endpoint!();
    const env = { DYNAMODB_ENDPOINT: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`, PREVIOUS_REPORT: previous };
    const runs: Record<'aggregator' | 'query', ChildFigures[]> = { aggregator: [], query: [] };
    for (let run = 0; run < 2; run++) {
      runs.query.push(await runChild(childBundle, { ...env, MODE: 'query' }));
      runs.aggregator.push(await runChild(childBundle, { ...env, MODE: 'aggregator' }));
    }
    fs.rmSync(path.dirname(previous), { recursive: true, force: true });
    return { findings, seedSeconds, aggregator: fastest(runs.aggregator), query: fastest(runs.query) };
  } finally {
    await dynamo.close();
  }
}

interface PeriodFigures {
  readonly rows: number;
  readonly seedSeconds: number;
  readonly period: ChildFigures;
  /** The period run with the built-in frameworks, as the construct deploys it by default. */
  readonly withFrameworks: ChildFigures;
  readonly query: ChildFigures;
}

/** The period run and the plain Query of what it reads, in turn, twice each over the same quarter of history: the better run of each. */
async function periodFigures(childBundle: string, resources: number): Promise<PeriodFigures> {
  const dynamo = await startDynalite();
  try {
    await createFindingsTable(dynamo.client, TABLE);
    const seeding = process.hrtime.bigint();
    const rows = await writeRows(dynamo.documents, periodRows(TABLE, resources));
    const seedSeconds = Number(process.hrtime.bigint() - seeding) / 1e9;
    const endpoint = await dynamo.client.config.endpoint!();
    const env = { DYNAMODB_ENDPOINT: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`, RULES: PERIOD_RULES.join(','), PERIOD_NOW: PERIOD_NOW.toISOString() };
    const runs: Record<'period' | 'withFrameworks' | 'query', ChildFigures[]> = { period: [], withFrameworks: [], query: [] };
    for (let run = 0; run < 2; run++) {
      runs.query.push(await runChild(childBundle, { ...env, MODE: 'period-query' }));
      runs.period.push(await runChild(childBundle, { ...env, MODE: 'period' }));
      runs.withFrameworks.push(await runChild(childBundle, { ...env, MODE: 'period', FRAMEWORKS: '1' }));
    }
    return { rows, seedSeconds, period: fastest(runs.period), withFrameworks: fastest(runs.withFrameworks), query: fastest(runs.query) };
  } finally {
    await dynamo.close();
  }
}

async function sweepMs(): Promise<number> {
  const config = mockClient(ConfigServiceClient);
  config.on(GetComplianceDetailsByConfigRuleCommand).callsFake(({ ConfigRuleName, NextToken }) => {
    const page = Number(NextToken ?? 0);
    const perRule = SWEEP_RESOURCES / RULES.length;
    const count = Math.min(100, perRule - page * 100);
    return {
      EvaluationResults: Array.from({ length: count }, (_, i) => ({
        EvaluationResultIdentifier: { EvaluationResultQualifier: { ConfigRuleName, ResourceType: 'AWS::EC2::SecurityGroup', ResourceId: `sg-${page}-${i}` } },
        ComplianceType: i % 7 === 0 ? 'NON_COMPLIANT' : 'COMPLIANT',
        ResultRecordedTime: new Date('2026-11-23T10:00:00Z'),
      })),
      NextToken: (page + 1) * 100 < perRule ? String(page + 1) : undefined,
    };
  });
  const dynamo = await startDynalite();
  try {
    await createFindingsTable(dynamo.client, TABLE);
    const analyzer = createAnalyzer({
      store: new FindingStore(dynamo.documents, TABLE, 1, async () => undefined),
      sns: new SNSClient({ region: 'eu-west-1' }),
      config: new ConfigServiceClient({ region: 'eu-west-1' }),
      lambda: new LambdaClient({ region: 'eu-west-1' }),
      remediatorFunction: 'compliance-remediator-bench',
      alertTopicArn: 'arn:aws:sns:eu-west-1:123456789012:bench',
      rules: RULES.map((name) => ({ configRuleName: name, ruleName: name, severity: Severity.LOW, evaluationMode: 'MANAGED' })),
      alertSeverity: Severity.HIGH,
      digestThreshold: 10,
      environmentSuffix: 'bench',
      emitMetrics: () => undefined,
      logger: new Logger({ serviceName: 'analyzer', logLevel: 'SILENT' }),
      tracer: new Tracer({ enabled: false }),
    });
    const start = process.hrtime.bigint();
    await analyzer({ 'source': 'aws.events', 'detail-type': 'Scheduled Event' }, {
      awsRequestId: 'bench', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bench',
    } as Context);
    return Number(process.hrtime.bigint() - start) / 1e6;
  } finally {
    config.restore();
    await dynamo.close();
  }
}

/**
 * Every setting the construct gives the handlers, written through the handlers' own settings (a
 * setting added there fails to compile here): a missing one would fail the import early and time nothing.
 */
const HANDLER_SETTINGS = {
  AWS_REGION: 'eu-west-1',
  ...ANALYZER_SETTINGS.encode({
    findingsTable: TABLE,
    findingsTtlDays: 2557,
    alertTopicArn: 'arn:aws:sns:eu-west-1:123456789012:compliance-alerts-bench',
    rules: [],
    environmentSuffix: 'bench',
    remediatorFunction: 'compliance-remediator-bench',
    alertSeverity: Severity.HIGH,
    alertDigestThreshold: 10,
    exemptionNoticeDays: 14,
  }),
  ...REMEDIATOR_SETTINGS.encode({
    findingsTable: TABLE,
    findingsTtlDays: 2557,
    alertTopicArn: 'arn:aws:sns:eu-west-1:123456789012:compliance-alerts-bench',
    rules: [],
    remediationMode: RemediationMode.DRY_RUN,
  }),
  ...AGGREGATOR_SETTINGS.encode({
    findingsTable: TABLE,
    reportsBucket: 'compliance-reports-bench',
    configRuleNames: ['restricted-ssh-bench'],
    environmentSuffix: 'bench',
    // The construct's default: every built-in framework.
    frameworks: { frameworks: BUILT_IN_FRAMEWORK_IDS.map((id) => ({ id })) },
  }),
};

function coldImportMs(modules: string[]): number {
  // A fresh process per run; the SDK is external to the bundle and comes from node_modules, as from the Lambda runtime.
  const script = `const start = process.hrtime.bigint(); ${modules.map((name) => `require(${JSON.stringify(name)});`).join(' ')} ` +
    'process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));';
  return median(Array.from({ length: IMPORT_RUNS }, () => Number(execFileSync(process.execPath, ['-e', script], {
    env: { ...process.env, ...HANDLER_SETTINGS, NODE_PATH: path.resolve(__dirname, '..', 'node_modules'), NODE_NO_WARNINGS: '1' },
    encoding: 'utf8',
  }))));
}

/** Powertools Tracer and the X-Ray SDK it wraps: what the figures below owe to tracing. */
const TRACING_MODULES = ['@aws-lambda-powertools/tracer', 'aws-xray-sdk-core'];

/** The handler's bundle size with tracing left out of it, as if a layer provided it. */
function kbWithoutTracing(handler: string): number {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `bench-${handler}-`)), 'index.js');
  execFileSync(path.resolve(__dirname, '..', 'node_modules', '.bin', 'esbuild'), [
    path.resolve(__dirname, '..', 'lambda', handler, 'index.ts'), '--bundle', '--platform=node', '--minify', '--legal-comments=external',
    '--external:@aws-sdk/*', ...TRACING_MODULES.map((name) => `--external:${name}`), `--outfile=${outfile}`, '--log-level=warning',
  ]);
  return fs.statSync(outfile).size / 1000;
}

async function main(): Promise<void> {
  for (const [handler, sdk] of Object.entries(HANDLER_SDK)) {
    const bundle = path.resolve(__dirname, '..', 'assets', handler, 'index.js');
    const kb = fs.statSync(bundle).size / 1000;
    const bundleMs = coldImportMs([bundle]);
    const sdkMs = coldImportMs(sdk);
    const ratio = bundleMs / sdkMs;
    console.log(`${handler} bundle: ${kb.toFixed(1)} kB minified (target <= ${BUNDLE_LIMIT_KB} kB: ${verdict(kb <= BUNDLE_LIMIT_KB)}); `
      + `cold import ${bundleMs.toFixed(0)} ms, its SDK clients alone ${sdkMs.toFixed(0)} ms, ratio ${ratio.toFixed(2)} `
      + `(median of ${IMPORT_RUNS}; target <= ${COLD_IMPORT_RATIO_LIMIT}: ${verdict(ratio <= COLD_IMPORT_RATIO_LIMIT)})`);
    const tracingMs = coldImportMs([...sdk, ...TRACING_MODULES]) - sdkMs;
    console.log(`  of which tracing (${TRACING_MODULES.join(', ')}): the bundle is ${kbWithoutTracing(handler).toFixed(1)} kB without it; `
      + `importing it beside the SDK clients adds ${tracingMs.toFixed(0)} ms`);
  }
  console.log(`analyzer sweep, ${SWEEP_RESOURCES.toLocaleString('en')} resources over ${RULES.length} rules on mocked Config pages, into dynalite: ${(await sweepMs()).toFixed(0)} ms`);
  const childBundle = bundleChild();
  for (const findings of FINDINGS) {
    const { seedSeconds, aggregator, query } = await aggregatorFigures(childBundle, findings);
    const ratio = aggregator.ms / query.ms;
    console.log(`aggregator, ${findings.toLocaleString('en')} current findings (${(findings / RULES.length).toLocaleString('en')} resources x ${RULES.length} rules) `
      + `in dynalite (seeded in ${seedSeconds.toFixed(0)} s), a previous report to compare with, the report to a discarding S3 client, V8 heap capped at ${CHILD_HEAP_MB} MB: `
      + `${aggregator.ms.toFixed(0)} ms, peak RSS ${aggregator.peakRssMb.toFixed(0)} MB (target <= ${AGGREGATOR_RSS_LIMIT_MB} MB: ${verdict(aggregator.peakRssMb <= AGGREGATOR_RSS_LIMIT_MB)}); `
      + `(resourceUsage().maxRSS says ${aggregator.maxRssMb.toFixed(0)} MB: it keeps the peak of the bench that forked it); `
      + `a plain paginated Query of the same items ${query.ms.toFixed(0)} ms, peak RSS ${query.peakRssMb.toFixed(0)} MB; `
      + `time ratio ${ratio.toFixed(2)} (target <= ${AGGREGATOR_TIME_RATIO_LIMIT}: ${verdict(ratio <= AGGREGATOR_TIME_RATIO_LIMIT)}; the better of 2 runs each)`);
  }
  for (const resources of PERIOD_RESOURCES) {
    const { rows, seedSeconds, period, withFrameworks, query } = await periodFigures(childBundle, resources);
    const ratio = period.ms / query.ms;
    const frameworksRatio = withFrameworks.ms / query.ms;
    console.log(`period report, the quarter before ${PERIOD_NOW.toISOString()} of ${resources.toLocaleString('en')} resources (2 of ${PERIOD_RULES.length} rules each, 2 to 4 changes `
      + `over the quarter's months), ${rows.toLocaleString('en')} rows seeded in dynalite as the FindingStore writes them (in ${seedSeconds.toFixed(0)} s, `
      + `${(rows / seedSeconds).toFixed(0)} rows/s), the report to a discarding S3 client, V8 heap capped at ${CHILD_HEAP_MB} MB: `
      + `${period.items.toLocaleString('en')} items read in ${period.queries.toLocaleString('en')} Queries, ${period.resources!.toLocaleString('en')} resources reported, `
      + `${period.ms.toFixed(0)} ms, peak RSS ${period.peakRssMb.toFixed(0)} MB (target <= ${AGGREGATOR_RSS_LIMIT_MB} MB: ${verdict(period.peakRssMb <= AGGREGATOR_RSS_LIMIT_MB)}); `
      + `a plain paginated Query of the same buckets and current findings (${query.items.toLocaleString('en')} items in ${query.queries.toLocaleString('en')} Queries) `
      + `${query.ms.toFixed(0)} ms, peak RSS ${query.peakRssMb.toFixed(0)} MB; `
      + `time ratio ${ratio.toFixed(2)} (target <= ${AGGREGATOR_TIME_RATIO_LIMIT}: ${verdict(ratio <= AGGREGATOR_TIME_RATIO_LIMIT)}; the better of 2 runs each)`);
    console.log(`  with the built-in frameworks' controls, as the construct deploys it by default: ${withFrameworks.resources!.toLocaleString('en')} resources reported, `
      + `${withFrameworks.ms.toFixed(0)} ms, peak RSS ${withFrameworks.peakRssMb.toFixed(0)} MB (target <= ${AGGREGATOR_RSS_LIMIT_MB} MB: `
      + `${verdict(withFrameworks.peakRssMb <= AGGREGATOR_RSS_LIMIT_MB)}); time ratio ${frameworksRatio.toFixed(2)} `
      + `(target <= ${AGGREGATOR_TIME_RATIO_LIMIT}: ${verdict(frameworksRatio <= AGGREGATOR_TIME_RATIO_LIMIT)}; the better of 2 runs)`);
  }
}

void main();
