import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { createAggregator } from '../../lambda/aggregator/aggregator';
import { ReportStore } from '../../lambda/aggregator/report-store';
import { FindingStore } from '../../lambda/findings/finding-store';
import { ComplianceChange } from '../../src/core/findings/compliance-change';
import { runCli } from '../support/cli';
import { createFindingsTable, LocalDynamoDb, startDynalite } from '../support/dynalite';
import { fixture } from '../support/fixtures';
import { silentLogger, untraced } from '../support/observability';
import { LocalS3, startS3rver } from '../support/s3rver';

const TABLE = 'compliance-findings-period';
const BUCKET = 'compliance-reports-period';
const SSH = 'restricted-ssh-test';
const DAY = 86_400;
const context = { awsRequestId: 'req-period' } as Context;

let dynamo: LocalDynamoDb;
let s3: LocalS3;

function change(resourceId: string, newComplianceType: string, day: string, more: Partial<ComplianceChange> = {}): ComplianceChange {
  return {
    configRuleName: SSH,
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId,
    awsAccountId: '123456789012',
    awsRegion: 'eu-west-1',
    newComplianceType,
    recordedAt: `${day}T00:00:00.000Z`,
    ...more,
  };
}

function aggregator(now: Date) {
  return createAggregator({
    documents: dynamo.documents,
    findingsTable: TABLE,
    reports: new ReportStore(s3.client, BUCKET),
    configRuleNames: [SSH],
    logger: silentLogger('aggregator'),
    tracer: untraced(),
    now: () => now,
  });
}

async function object(key: string): Promise<string> {
  const result = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return result.Body!.transformToString();
}

beforeAll(async () => {
  [dynamo, s3] = await Promise.all([startDynalite(), startS3rver(BUCKET)]);
  await createFindingsTable(dynamo.client, TABLE);
});
afterAll(async () => {
  await dynamo.client.send(new DeleteTableCommand({ TableName: TABLE }));
  await Promise.all([dynamo.close(), s3.close()]);
});

test('the period run reads the quarter\'s history the analyzer recorded, by month and shard, and writes its report in the manifest chain', async () => {
  const store = new FindingStore(dynamo.documents, TABLE, 365);
  const now = new Date('2026-10-01T12:00:00Z');
  // sg-1: violated 07-11, fixed 07-21 (10 days). sg-2: compliant since June, no change in the quarter.
  await store.recordChange(change('sg-1', 'COMPLIANT', '2026-07-01'), 'CRITICAL', now);
  await store.recordChange(change('sg-1', 'NON_COMPLIANT', '2026-07-11', { oldComplianceType: 'COMPLIANT' }), 'CRITICAL', now);
  await store.recordChange(change('sg-1', 'COMPLIANT', '2026-07-21', { oldComplianceType: 'NON_COMPLIANT' }), 'CRITICAL', now);
  await store.recordChange(change('sg-2', 'COMPLIANT', '2026-06-02'), 'CRITICAL', now);
  // sg-3: exempt from 08-01; Config's event says its old state was NON_COMPLIANT, the monitor had it EXEMPT.
  const exemption = { reason: 'Bastion', approvedBy: 'cso', ticket: 'SEC-1' };
  await store.recordChange(change('sg-3', 'EXEMPT', '2026-08-01', { exemptionReason: 'Bastion (approved by cso, ticket SEC-1)', exemption }), 'CRITICAL', now);
  await store.recordChange(change('sg-3', 'COMPLIANT', '2026-09-01', { oldComplianceType: 'NON_COMPLIANT' }), 'CRITICAL', now);

  const { reportKey } = await aggregator(now)({ periodReport: 'QUARTER' }, context);

  expect(reportKey).toBe('reports/2026/10/01/compliance-report-2026-10-01T12-00-00-000Z.period.json');
  const report = JSON.parse(await object(reportKey));
  expect(report.period).toEqual({ start: '2026-07-01T00:00:00.000Z', end: '2026-10-01T00:00:00.000Z' });
  expect(report.resources.map((resource: { resourceId: string }) => resource.resourceId)).toEqual(['sg-1', 'sg-2', 'sg-3']);
  expect(report.by_rule[SSH]).toEqual({
    resources: 3,
    compliant_seconds: (82 + 92 + 30) * DAY,
    non_compliant_seconds: 10 * DAY,
    exempt_seconds: 31 * DAY,
    compliant_percentage: 95.33,
    violations: { open_at_start: 0, opened: 1, remediated: 1, ended_otherwise: 0, open_at_end: 0 },
    time_to_remediate: { measured: 1, mean_seconds: 10 * DAY, longest_seconds: 10 * DAY },
  });
  expect(report.exemptions).toEqual([{
    configRuleName: SSH,
    reason: 'Bastion',
    approved_by: 'cso',
    ticket: 'SEC-1',
    resources: 1,
    applied_from: '2026-08-01T00:00:00.000Z',
    applied_until: '2026-09-01T00:00:00.000Z',
  }]);
  const csv = await object(reportKey.replace(/json$/, 'csv'));
  expect(csv.split('\r\n')[1]).toBe(`AWS::EC2::SecurityGroup,sg-1,${SSH},${82 * DAY},${10 * DAY},0,89.13,0,1,1,0,0,1,${10 * DAY},${10 * DAY}`);
  const manifest = JSON.parse(await object('reports/latest.manifest.json'));
  expect(manifest.objects.map(({ key }: { key: string }) => key)).toEqual([reportKey.replace(/json$/, 'csv'), reportKey]);
  expect(manifest.previous).toBeNull();
});

test('the CLI\'s period over Config\'s history of a resource gives the figures the aggregator gives over the changes the analyzer recorded of it', async () => {
  const table = 'compliance-findings-period-cli';
  await createFindingsTable(dynamo.client, table);
  const now = new Date('2026-10-01T13:00:00Z');
  // The RDK example group (SSH open): open from 06-15, closed 07-11, opened again 08-01, deleted 08-11.
  const open = fixture('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json');
  const closed = { ...open.configuration, ipPermissions: [{ ...open.configuration.ipPermissions[0], ipRanges: ['10.0.0.0/8'] }] };
  const versions = [
    { ...open, configurationItemCaptureTime: '2026-06-15T00:00:00.000Z', configurationStateId: '1' },
    { ...open, configurationItemCaptureTime: '2026-07-11T00:00:00.000Z', configurationStateId: '2', configuration: closed },
    { ...open, configurationItemCaptureTime: '2026-08-01T00:00:00.000Z', configurationStateId: '3' },
    { ...open, configurationItemCaptureTime: '2026-08-11T00:00:00.000Z', configurationStateId: '4', configurationItemStatus: 'ResourceDeleted' },
  ];
  const store = new FindingStore(dynamo.documents, table, 365);
  const states = [['NON_COMPLIANT', '2026-06-15'], ['COMPLIANT', '2026-07-11'], ['NON_COMPLIANT', '2026-08-01'], ['NOT_APPLICABLE', '2026-08-11']];
  for (const [i, [state, day]] of states.entries()) {
    const old = i > 0 ? { oldComplianceType: states[i - 1][0] } : {};
    await store.recordChange({ ...change('sg-1d56fc66', state, day, old), configRuleName: 'restricted-ssh' }, 'CRITICAL', now);
  }
  const deployed = createAggregator({
    documents: dynamo.documents,
    findingsTable: table,
    reports: new ReportStore(s3.client, BUCKET),
    configRuleNames: ['restricted-ssh'],
    logger: silentLogger('aggregator'),
    tracer: untraced(),
    now: () => now,
  });
  const fromFindings = JSON.parse(await object((await deployed({ periodReport: 'QUARTER' }, context)).reportKey));

  const history = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'period-cli-')), 'sg.json');
  fs.writeFileSync(history, JSON.stringify({ configurationItems: versions }));
  fs.writeFileSync(`${history}.rules`, JSON.stringify({ rules: [{ name: 'restricted-ssh' }] }));
  const offline = await runCli(['period', '--from', '2026-07-01', '--to', '2026-10-01', '--rules', `${history}.rules`, '--framework', 'none', history]);
  fs.rmSync(path.dirname(history), { recursive: true });

  expect(offline.code).toBe(1);
  const { resources, summary, by_rule: byRule, exemptions } = offline.report;
  expect({ resources, summary, by_rule: byRule, exemptions }).toEqual({
    resources: fromFindings.resources, summary: fromFindings.summary, by_rule: fromFindings.by_rule, exemptions: fromFindings.exemptions,
  });
  expect(summary).toMatchObject({
    resources: 1,
    compliant_seconds: 21 * DAY,
    non_compliant_seconds: 20 * DAY,
    violations: { remediated: 1, ended_otherwise: 1 },
    // From 06-15, before the months the aggregator read: the fix's history row recorded it.
    time_to_remediate: { measured: 1, mean_seconds: 26 * DAY },
  });
});

test('an event asking for a period the aggregator does not know fails, naming the field and the lengths', async () => {
  await expect(aggregator(new Date())({ periodReport: 'YEAR' }, context)).rejects.toThrow('event.periodReport must be one of MONTH, QUARTER (got "YEAR")');
});
