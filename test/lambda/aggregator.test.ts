import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { AggregatorDependencies, createAggregator } from '../../lambda/aggregator/aggregator';
import { ReportStore } from '../../lambda/aggregator/report-store';
import { FindingStore } from '../../lambda/findings/finding-store';
import { ComplianceChange } from '../../src/core/findings/compliance-change';
import { reportFrameworks } from '../../src/core/frameworks';
import type { ReportFramework } from '../../src/core/report/controls';
import { reportedRule } from '../../src/core/report/scope';
import { reportKey } from '../../src/core/storage/report-layout';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { silentLogger, untraced } from '../support/observability';
import { LocalS3, startS3rver } from '../support/s3rver';

const TABLE = 'compliance-findings-test';
const BUCKET = 'compliance-reports-test';
const RULES = ['restricted-ssh-test', 'required-tags-test'];
const context = { awsRequestId: 'req-report' } as Context;

let dynamo: LocalDynamoDb;
let s3: LocalS3;

function change(rule: string, resourceId: string, compliance: string, recordedAt = '2026-11-23T10:00:00.000Z'): ComplianceChange {
  return {
    configRuleName: rule,
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId,
    awsAccountId: '123456789012',
    awsRegion: 'eu-west-1',
    newComplianceType: compliance,
    annotation: `${compliance} annotation`,
    recordedAt,
  };
}

function aggregator(now: string, frameworks?: ReportFramework[], scope?: AggregatorDependencies['scope']) {
  return createAggregator({
    documents: dynamo.documents,
    findingsTable: TABLE,
    reports: new ReportStore(s3.client, BUCKET),
    configRuleNames: RULES,
    frameworks,
    scope,
    logger: silentLogger('aggregator'),
    tracer: untraced(),
    now: () => new Date(now),
  });
}

async function object(key: string): Promise<any> {
  const result = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return JSON.parse(await result.Body!.transformToString());
}

beforeAll(async () => {
  [dynamo, s3] = await Promise.all([startDynalite(), startS3rver(BUCKET)]);
  await createFindingsTable(dynamo.client, TABLE);
});
afterAll(async () => {
  await dynamo.client.send(new DeleteTableCommand({ TableName: TABLE }));
  await Promise.all([dynamo.close(), s3.close()]);
});

describe('aggregator', () => {
  test('writes the report of the current findings under its dated key and as the latest', async () => {
    const store = new FindingStore(dynamo.documents, TABLE, 1);
    await store.recordChange(change('restricted-ssh-test', 'sg-1', 'NON_COMPLIANT'), 'CRITICAL');
    await store.recordChange(change('restricted-ssh-test', 'sg-2', 'COMPLIANT'), 'CRITICAL');
    await store.recordChange(change('required-tags-test', 'sg-1', 'COMPLIANT'), 'LOW');

    const { reportKey: key } = await aggregator('2026-11-23T12:00:00.000Z')({}, context);

    expect(key).toBe('reports/2026/11/23/compliance-report-2026-11-23T12-00-00-000Z.json');
    const report = await object(key);
    expect(report).toMatchObject({
      report_timestamp: '2026-11-23T12:00:00Z',
      summary: { total_resources: 2, total_evaluations: 3, compliant: 2, non_compliant: 1, compliance_percentage: 66.7 },
      by_rule: { 'restricted-ssh-test': { total: 2, compliant: 1, non_compliant: 1 }, 'required-tags-test': { total: 1, compliant: 1, non_compliant: 0 } },
      by_resource_type: { 'AWS::EC2::SecurityGroup': { total: 3, compliant: 2, non_compliant: 1 } },
      changes_since_previous: { newly_non_compliant: [{ configRuleName: 'restricted-ssh-test', resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-1' }], newly_fixed: [] },
    });
    expect(report.evaluations).toHaveLength(3);
    expect(report.evaluations).toContainEqual(expect.objectContaining({ resourceId: 'sg-1', severity: 'CRITICAL' }));
    expect(await object('reports/latest.json')).toEqual(report);
    const rendering = async (extension: string) => {
      const result = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key.replace(/json$/, extension) }));
      return { contentType: result.ContentType, body: await result.Body!.transformToString() };
    };
    const csv = await rendering('csv');
    expect(csv.contentType).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.body.split('\r\n')).toHaveLength(5);
    const html = await rendering('html');
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<span class="percentage">66.7%</span>');
  });

  test('the next report tells what was fixed and what broke since the previous one', async () => {
    const store = new FindingStore(dynamo.documents, TABLE, 1);
    await store.recordChange(change('restricted-ssh-test', 'sg-1', 'COMPLIANT', '2026-11-24T10:00:00.000Z'), 'CRITICAL');
    await store.recordChange(change('restricted-ssh-test', 'sg-2', 'NON_COMPLIANT', '2026-11-24T10:00:00.000Z'), 'CRITICAL');

    const { reportKey: key } = await aggregator('2026-11-24T12:00:00.000Z')({}, context);

    expect((await object(key)).changes_since_previous).toEqual({
      previous_report_timestamp: '2026-11-23T12:00:00Z',
      previous_compliance_percentage: 66.7,
      newly_non_compliant: [{ configRuleName: 'restricted-ssh-test', resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-2' }],
      newly_fixed: [{ configRuleName: 'restricted-ssh-test', resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-1' }],
    });
    // sg-1 was NON_COMPLIANT from 2026-11-23T10:00 to 2026-11-24T10:00.
    expect((await object(key)).mean_time_to_remediate).toEqual({ 'restricted-ssh-test': { remediated_findings: 1, mean_seconds: 86_400 } });
    const keys = (await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents!.map((entry) => entry.Key).sort();
    expect(keys).toEqual(['23T12', '24T12'].flatMap((day) => ['csv', 'html', 'json', 'manifest.json'].map((extension) =>
      `reports/2026/11/${day.slice(0, 2)}/compliance-report-2026-11-${day}-00-00-000Z.${extension}`))
      .concat(['reports/latest.html', 'reports/latest.json', 'reports/latest.manifest.json']));
  });

  test('exempt findings are counted apart, with their reason; findings without a verdict count as not applicable', async () => {
    const store = new FindingStore(dynamo.documents, TABLE, 1);
    await store.recordChange({ ...change('required-tags-test', 'sg-3', 'EXEMPT', '2026-11-25T10:00:00.000Z'), exemptionReason: 'RISK-7: legacy' }, 'LOW');
    await store.recordChange(change('required-tags-test', 'sg-4', 'INSUFFICIENT_DATA', '2026-11-25T10:00:00.000Z'), 'LOW');

    const report = await object((await aggregator('2026-11-25T12:00:00.000Z')({}, context)).reportKey);

    expect(report.summary).toEqual({
      total_resources: 4, total_evaluations: 3, compliant: 2, non_compliant: 1, not_applicable: 1, exempt: 1, compliance_percentage: 66.7,
    });
    expect(report.by_rule['required-tags-test']).toEqual({ total: 1, compliant: 1, non_compliant: 0 });
    expect(report.evaluations).toContainEqual(expect.objectContaining({ resourceId: 'sg-3', complianceType: 'EXEMPT', annotation: 'Exempt: RISK-7: legacy' }));
    expect(report.changes_since_previous.newly_non_compliant).toEqual([]);
  });

  test('with frameworks: the controls section in the JSON, the control status CSV and the HTML view, each listed in the manifest', async () => {
    const store = new FindingStore(dynamo.documents, TABLE, 1);
    await store.recordChange(change('restricted-ssh-test', 'sg-9', 'NON_COMPLIANT', '2026-11-25T10:00:00.000Z'), 'CRITICAL');
    // As the deployed aggregator reads them: the built-in mapping, found by the rule's name without the suffix.
    const frameworks = reportFrameworks({ frameworks: [{ id: 'PCI_DSS_4' }] }, RULES.map((configRuleName) => ({ ruleName: configRuleName.replace(/-test$/, ''), configRuleName })));

    const { reportKey: key } = await aggregator('2026-11-25T12:00:00.000Z', frameworks)({}, context);

    const report = await object(key);
    const pci = report.controls.PCI_DSS_4;
    expect([pci.name, pci.version]).toEqual(['PCI DSS', '4.0.1']);
    // restricted-ssh's PCI DSS controls fail through sg-9; required-tags maps to none.
    expect(Object.keys(pci.controls)).toEqual(frameworks[0].controlsByRule['restricted-ssh-test']);
    expect(pci.controls['1.3.1']).toMatchObject({ status: 'NON_COMPLIANT', rules: ['restricted-ssh-test'] });
    const controlsCsvKey = key.replace(/json$/, 'controls.csv');
    const csv = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: controlsCsvKey }));
    expect((await csv.Body!.transformToString()).split('\r\n')).toContain(`PCI DSS,4.0.1,1.3.1,NON_COMPLIANT,restricted-ssh-test,${pci.controls['1.3.1'].resources.total},` +
      `${pci.controls['1.3.1'].resources.compliant},${pci.controls['1.3.1'].resources.non_compliant},0,0`);
    const manifest = await object(key.replace(/json$/, 'manifest.json'));
    expect(manifest.objects.map((entry: { key: string }) => entry.key)).toContain(controlsCsvKey);
    const html = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key.replace(/json$/, 'html') }));
    expect(await html.Body!.transformToString()).toContain('<section id="controls">');
  });

  test('the scope and the evidence: the findings\' accounts, regions and result times, the rules and what they check', async () => {
    const store = new FindingStore(dynamo.documents, TABLE, 1);
    await store.recordChange(change('restricted-ssh-test', 'sg-7', 'COMPLIANT', '2026-11-26T09:30:00.000Z'), 'CRITICAL');
    const rules = RULES.map((configRuleName) => reportedRule(configRuleName.replace(/-test$/, ''), configRuleName));

    const { reportKey: key } = await aggregator('2026-11-26T12:00:00.000Z', undefined, { libraryVersion: '9.9.9', rules })({}, context);

    const report = await object(key);
    expect(report.scope).toEqual({
      generated_at: '2026-11-26T12:00:00.000Z',
      data_as_of: '2026-11-26T09:30:00.000Z',
      library_version: '9.9.9',
      accounts: ['123456789012'],
      regions: ['eu-west-1'],
      rules,
    });
    expect(report.evaluations).toContainEqual(expect.objectContaining({
      resourceId: 'sg-7', awsAccountId: '123456789012', awsRegion: 'eu-west-1', resultRecordedTime: '2026-11-26T09:30:00.000Z',
    }));
  });

  test('report keys are dated in UTC', () => {
    expect(reportKey(new Date('2026-01-02T23:59:59.999Z'))).toBe('reports/2026/01/02/compliance-report-2026-01-02T23-59-59-999Z.json');
  });
});
