import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SAMPLE_SNAPSHOT } from '../../build-tools/build-sample-snapshot';
import { main } from '../../cli/main';
import { Evaluation } from '../../src/core/engine';
import { buildReport, compliancePercentage, ReportedEvaluation, ReportTally } from '../../src/core/report/report';
import { meanTimeToRemediate } from '../../src/core/report/time-to-remediate';

const evaluation = (configRuleName: string, resourceType: string, resourceId: string, complianceType: Evaluation['complianceType']): Evaluation =>
  ({ configRuleName, resourceType, resourceId, complianceType, annotation: '' });
const reported = (resourceId: string, complianceType: ReportedEvaluation['complianceType'], configRuleName = 'rule', resourceType = 'AWS::S3::Bucket'): ReportedEvaluation =>
  ({ configRuleName, resourceType, resourceId, complianceType, annotation: '' });
const TAKEN = new Date('2026-11-23T10:00:00Z');

describe('buildReport', () => {
  test('summarizes in the report format keys: resources, evaluations, counts by type and by rule', () => {
    const evaluations = [
      evaluation('required-tags', 'AWS::EC2::Instance', 'i-1', 'NON_COMPLIANT'),
      evaluation('ec2-imdsv2-check', 'AWS::EC2::Instance', 'i-1', 'COMPLIANT'),
      evaluation('required-tags', 'AWS::EC2::Instance', 'i-2', 'COMPLIANT'),
      evaluation('encrypted-volumes', 'AWS::EC2::Volume', 'vol-1', 'NOT_APPLICABLE'),
    ];
    const report = buildReport(evaluations, new Date('2026-11-23T10:00:00.123Z'));
    expect(report).toEqual({
      report_timestamp: '2026-11-23T10:00:00Z',
      summary: {
        total_resources: 3, total_evaluations: 3, compliant: 2, non_compliant: 1, not_applicable: 1, exempt: 0, compliance_percentage: 66.7,
      },
      by_resource_type: { 'AWS::EC2::Instance': { total: 3, compliant: 2, non_compliant: 1 } },
      by_rule: {
        'required-tags': { total: 2, compliant: 1, non_compliant: 1 },
        'ec2-imdsv2-check': { total: 1, compliant: 1, non_compliant: 0 },
      },
      resource_summary: { total: 3, compliant: 1, non_compliant: 1, exempt: 0, not_applicable: 1, compliance_percentage: 50 },
      evaluations,
    });
    expect(report).not.toHaveProperty('skipped_items');
  });

  test('nothing applicable is 100% compliant; percentages have one decimal', () => {
    expect(buildReport([], new Date()).summary.compliance_percentage).toBe(100);
    expect(compliancePercentage(120, 150)).toBe(80);
    expect(compliancePercentage(1, 3)).toBe(33.3);
  });
});

describe('the resource view', () => {
  test('a resource is non-compliant when any evaluation is, compliant when every judged one is; exempt-only and not-applicable-only ones apart', () => {
    const report = buildReport([
      reported('b-broken', 'COMPLIANT', 'tags'), reported('b-broken', 'NON_COMPLIANT', 'encryption'), reported('b-broken', 'EXEMPT', 'versioning'),
      reported('b-fine', 'COMPLIANT', 'tags'), reported('b-fine', 'EXEMPT', 'encryption'), reported('b-fine', 'NOT_APPLICABLE', 'versioning'),
      reported('b-accepted', 'EXEMPT', 'tags'), reported('b-accepted', 'INSUFFICIENT_DATA', 'encryption'),
      reported('b-unjudged', 'NOT_APPLICABLE', 'tags'), reported('b-unjudged', 'INSUFFICIENT_DATA', 'encryption'),
      reported('b-exempt-late', 'NOT_APPLICABLE', 'tags'), reported('b-exempt-late', 'EXEMPT', 'encryption'),
      reported('b-broken-last', 'EXEMPT', 'tags'), reported('b-broken-last', 'COMPLIANT', 'encryption'), reported('b-broken-last', 'NON_COMPLIANT', 'versioning'),
    ], TAKEN);
    expect(report.resource_summary).toEqual({ total: 6, compliant: 1, non_compliant: 2, exempt: 2, not_applicable: 1, compliance_percentage: 33.3 });
    expect(report.summary.total_resources).toBe(report.resource_summary.total);
    // The evaluation view of the same report: 3 of 5 judged evaluations are compliant.
    expect(report.summary.compliance_percentage).toBe(60);
  });

  test('a resource is its type and id: the same id under two types is two resources', () => {
    const report = buildReport([reported('shared-id', 'COMPLIANT', 'r', 'AWS::S3::Bucket'), reported('shared-id', 'NON_COMPLIANT', 'r', 'AWS::SNS::Topic')], TAKEN);
    expect(report.resource_summary).toMatchObject({ total: 2, compliant: 1, non_compliant: 1, compliance_percentage: 50 });
  });

  test('no resource judged is 100%, as no evaluation judged is', () => {
    expect(buildReport([reported('b', 'EXEMPT')], TAKEN).resource_summary).toEqual({
      total: 1, compliant: 0, non_compliant: 0, exempt: 1, not_applicable: 0, compliance_percentage: 100,
    });
  });

  test('a tally counts the resources it closes, and keeps none of them open', () => {
    const tally = new ReportTally();
    tally.add(reported('b-1', 'NON_COMPLIANT', 'tags'));
    tally.add(reported('b-1', 'COMPLIANT', 'encryption'));
    tally.closeResources();
    tally.add(reported('b-2', 'COMPLIANT', 'tags'));
    expect(tally.overview(TAKEN).resource_summary).toMatchObject({ total: 2, compliant: 1, non_compliant: 1 });
  });

  test('hostile names are keys like any other: nothing reaches Object.prototype', () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const report = buildReport(names.flatMap((name) => [reported(name, 'NON_COMPLIANT', name, name), reported(name, 'COMPLIANT', `${name}-2`, name)]), TAKEN, {
      skippedItemsByResourceType: JSON.parse('{"__proto__": 2, "constructor": 1}'),
    });
    expect(JSON.stringify(report.skipped_items)).toBe('{"total":3,"by_resource_type":{"__proto__":2,"constructor":1}}');
    const parsed = JSON.parse(JSON.stringify(report));
    for (const name of names) {
      expect(parsed.by_rule[name]).toEqual({ total: 1, compliant: 0, non_compliant: 1 });
      expect(parsed.by_resource_type[name]).toEqual({ total: 2, compliant: 1, non_compliant: 1 });
    }
    expect(report.resource_summary).toMatchObject({ total: 4, non_compliant: 4, compliance_percentage: 0 });
    expect(({} as any).total).toBeUndefined();
  });
});

describe('skipped items', () => {
  test('given, they are counted by resource type and in total; an empty record is a total of 0', () => {
    const report = buildReport([reported('b', 'COMPLIANT')], TAKEN, { skippedItemsByResourceType: { 'AWS::IAM::Role': 3, 'AWS::Lambda::Function': 2 } });
    expect(report.skipped_items).toEqual({ total: 5, by_resource_type: { 'AWS::IAM::Role': 3, 'AWS::Lambda::Function': 2 } });
    expect(Object.keys(report).slice(-2)).toEqual(['resource_summary', 'skipped_items']);
    expect(buildReport([], TAKEN, { skippedItemsByResourceType: {} }).skipped_items).toEqual({ total: 0, by_resource_type: {} });
  });
});

describe('the sample report', () => {
  test('counts its 8 resources apart from its evaluations: none is compliant, though some evaluations are', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sample-report-')), 'report.json');
    // Awaited: the CLI is about to read its inputs as streams.
    await main(['evaluate', '--out', out, SAMPLE_SNAPSHOT], { stdout: () => undefined, stderr: (text) => { throw new Error(text); } });
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(report.summary.total_resources).toBe(8);
    expect(report.summary.compliant).toBeGreaterThan(0);
    expect(report.summary.compliance_percentage).toBeGreaterThan(0);
    expect(report.resource_summary).toEqual({ total: 8, compliant: 0, non_compliant: 8, exempt: 0, not_applicable: 0, compliance_percentage: 0 });
  });
});

describe('meanTimeToRemediate', () => {
  test('per rule, over the findings whose latest violation was fixed; rules with none are left out', () => {
    expect(meanTimeToRemediate([
      { configRuleName: 'restricted-ssh', timeToRemediateSeconds: 600 },
      { configRuleName: 'restricted-ssh', timeToRemediateSeconds: 1801 },
      { configRuleName: 'restricted-ssh' },
      { configRuleName: 'required-tags' },
    ])).toEqual({ 'restricted-ssh': { remediated_findings: 2, mean_seconds: 1201 } });
  });
});
