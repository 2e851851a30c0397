/**
 * `npm run bench:runtime`: the handlers' figures. The aggregator's time and peak RSS over 100,000
 * current findings in dynalite; the analyzer's sweep over 10,000 resources on mocked Config pages;
 * each bundle's size; each bundle's cold import time in a fresh Node process (median of several),
 * beside the cold import of the SDK clients it loads, imported alone in the same run.
 * Targets: aggregator at most 256 MB peak RSS; bundles at most 100 kB minified; a bundle's cold
 * import at most 1.2 times its SDK clients' alone.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigServiceClient, GetComplianceDetailsByConfigRuleCommand } from '@aws-sdk/client-config-service';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { createAnalyzer } from '../lambda/analyzer/analyzer';
import { FindingStore } from '../lambda/findings/finding-store';
import { Logger } from '../lambda/observability/logger';
import { Tracer } from '../lambda/observability/tracer';
import { Severity } from '../src/core/rules/severity';
import { createFindingsTable, startDynalite } from '../test/support/dynalite';

const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 100_000);
const SWEEP_RESOURCES = Number(process.env.BENCH_SWEEP_RESOURCES ?? 10_000);
const IMPORT_RUNS = 7;
const RULES = ['restricted-ssh-bench', 'required-tags-bench', 'encrypted-volumes-bench', 'ec2-imdsv2-check-bench'];
const TABLE = 'compliance-findings-bench';
/** The SDK packages each bundle loads on import (the remediator's fixes load theirs on first use). */
const HANDLER_SDK: Record<string, string[]> = {
  analyzer: ['@aws-sdk/client-config-service', '@aws-sdk/client-lambda', '@aws-sdk/client-sns', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  aggregator: ['@aws-sdk/client-s3', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  remediator: ['@aws-sdk/client-sns', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
};
const BUNDLE_LIMIT_KB = 100;
const COLD_IMPORT_RATIO_LIMIT = 1.2;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

async function seed(documents: DynamoDBDocumentClient, count: number): Promise<void> {
  const writes: Promise<unknown>[] = [];
  for (let start = 0; start < count; start += 25) {
    const items = Array.from({ length: Math.min(25, count - start) }, (_, offset) => {
      const i = start + offset;
      const rule = RULES[i % RULES.length];
      return {
        PutRequest: {
          Item: {
            resourceId: `sg-${i.toString(16).padStart(12, '0')}`,
            timestamp: `CURRENT#${rule}`,
            currentRule: rule,
            configRuleName: rule,
            resourceType: 'AWS::EC2::SecurityGroup',
            complianceType: i % 7 === 0 ? 'NON_COMPLIANT' : 'COMPLIANT',
            annotation: 'No ingress allows SSH from 0.0.0.0/0 or ::/0',
            severity: 'CRITICAL',
            recordedAt: '2026-11-23T10:00:00.000Z',
          },
        },
      };
    });
    writes.push(documents.send(new BatchWriteCommand({ RequestItems: { [TABLE]: items } })));
    if (writes.length === 16) {
      await Promise.all(writes.splice(0));
    }
  }
  await Promise.all(writes);
}

async function aggregatorFigures(): Promise<{ ms: number; peakRssMb: number }> {
  const dynamo = await startDynalite();
  try {
    await createFindingsTable(dynamo.client, TABLE);
    await seed(dynamo.documents, FINDINGS);
    const endpoint = await dynamo.client.config.endpoint!();
    // Bundled as the handlers are, and run by plain node: the peak RSS is not the TypeScript compiler's.
    const childBundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-aggregator-')), 'index.js');
    execFileSync(path.resolve(__dirname, '..', 'node_modules', '.bin', 'esbuild'), [
      path.join(__dirname, 'bench-runtime-aggregator.ts'), '--bundle', '--platform=node', '--external:@aws-sdk/*', `--outfile=${childBundle}`, '--log-level=warning',
    ]);
    const child = spawn(process.execPath, [childBundle], {
      env: { ...process.env, NODE_PATH: path.resolve(__dirname, '..', 'node_modules'), DYNAMODB_ENDPOINT: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`, TABLE, RULES: RULES.join(',') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    await new Promise((resolve) => child.on('close', resolve));
    return JSON.parse(output.trim().split('\n').pop()!);
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

/** Every setting the construct gives the handlers: a missing one would fail the import early and time nothing. */
const HANDLER_SETTINGS = {
  AWS_REGION: 'eu-west-1',
  ENVIRONMENT_SUFFIX: 'bench',
  FINDINGS_TABLE: 'compliance-findings-bench',
  FINDINGS_TTL_DAYS: '2557',
  ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:compliance-alerts-bench',
  ALERT_SEVERITY: 'HIGH',
  ALERT_DIGEST_THRESHOLD: '10',
  REMEDIATOR_FUNCTION: 'compliance-remediator-bench',
  REMEDIATION_MODE: 'DRY_RUN',
  RULES: '[]',
  REPORTS_BUCKET: 'compliance-reports-bench',
  CONFIG_RULE_NAMES: 'restricted-ssh-bench',
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
    const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
    console.log(`${handler} bundle: ${kb.toFixed(1)} kB minified (target <= ${BUNDLE_LIMIT_KB} kB: ${verdict(kb <= BUNDLE_LIMIT_KB)}); `
      + `cold import ${bundleMs.toFixed(0)} ms, its SDK clients alone ${sdkMs.toFixed(0)} ms, ratio ${ratio.toFixed(2)} `
      + `(median of ${IMPORT_RUNS}; target <= ${COLD_IMPORT_RATIO_LIMIT}: ${verdict(ratio <= COLD_IMPORT_RATIO_LIMIT)})`);
    const tracingMs = coldImportMs([...sdk, ...TRACING_MODULES]) - sdkMs;
    console.log(`  of which tracing (${TRACING_MODULES.join(', ')}): the bundle is ${kbWithoutTracing(handler).toFixed(1)} kB without it; `
      + `importing it beside the SDK clients adds ${tracingMs.toFixed(0)} ms`);
  }
  console.log(`analyzer sweep, ${SWEEP_RESOURCES.toLocaleString('en')} resources over ${RULES.length} rules on mocked Config pages, into dynalite: ${(await sweepMs()).toFixed(0)} ms`);
  const aggregator = await aggregatorFigures();
  console.log(`aggregator, ${FINDINGS.toLocaleString('en')} current findings in dynalite: ${aggregator.ms.toFixed(0)} ms, peak RSS ${aggregator.peakRssMb.toFixed(0)} MB (target <= 256 MB)`);
}

void main();
