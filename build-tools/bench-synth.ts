/**
 * `npm run bench:synth`: synth time of the example app (a stack with one ComplianceMonitor on the
 * recommended set) and of an empty stack, medians of several runs in alternation, and their ratio;
 * then the example template's resource count and size against CloudFormation's limits.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { ComplianceMonitor } from '../src';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CLOUDFORMATION_RESOURCE_LIMIT = 500;
const CLOUDFORMATION_TEMPLATE_BYTES_LIMIT = 1_000_000;

function synthesize(withMonitor: boolean): { ms: number; templatePath: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const start = process.hrtime.bigint();
  const app = new App({ outdir });
  const stack = new Stack(app, 'ComplianceMonitorExample');
  if (withMonitor) {
    new ComplianceMonitor(stack, 'Compliance', { environmentSuffix: 'example', alertEmails: ['secops@example.com'] });
  }
  const assembly = app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, templatePath: path.join(assembly.directory, assembly.getStackByName('ComplianceMonitorExample').templateFile) };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

// One untimed round of each: module loading is not synthesis.
synthesize(true);
synthesize(false);
const example: number[] = [];
const empty: number[] = [];
let templatePath = '';
for (let run = 0; run < RUNS; run++) {
  const result = synthesize(true);
  example.push(result.ms);
  templatePath = result.templatePath;
  empty.push(synthesize(false).ms);
}

const template = fs.readFileSync(templatePath, 'utf8');
const resources = Object.keys(JSON.parse(template).Resources).length;
console.log(`example app (recommended set): ${median(example).toFixed(0)} ms (median of ${RUNS})`);
console.log(`empty stack:                   ${median(empty).toFixed(0)} ms (median of ${RUNS})`);
console.log(`ratio example / empty:         ${(median(example) / median(empty)).toFixed(1)}`);
console.log(`template: ${resources} resources (CloudFormation limit ${CLOUDFORMATION_RESOURCE_LIMIT}), ` +
  `${(template.length / 1000).toFixed(1)} kB (limit ${CLOUDFORMATION_TEMPLATE_BYTES_LIMIT / 1e6} MB)`);
