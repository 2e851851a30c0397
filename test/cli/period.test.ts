import * as fs from 'fs';
import { EXIT_BAD_INPUT, EXIT_COMPLIANT, EXIT_NON_COMPLIANT, EXIT_NOTHING_JUDGED } from '../../cli/main';
import { PERIOD_CSV_HEADER } from '../../src/core/period';
import { runCli, scratchDirectory } from '../support/cli';
import { fixture, fixturePath } from '../support/fixtures';

const scratch = scratchDirectory('cli-period-');
const run = (...argv: string[]) => runCli(argv);
const DAY = 86_400;

/** The RDK example security group, SSH open to 0.0.0.0/0, as Config's history records each version of it. */
const SSH_OPEN = fixture('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json');

function version(captureTime: string, stateId: number, change: Record<string, unknown> = {}) {
  return { ...SSH_OPEN, configurationItemCaptureTime: captureTime, configurationStateId: String(stateId), ...change };
}

/** The same group with SSH open only to a private range. */
const closed = { configuration: { ...SSH_OPEN.configuration, ipPermissions: [{ ...SSH_OPEN.configuration.ipPermissions[0], ipRanges: ['10.0.0.0/8'] }] } };

/**
 * A quarter worked by hand (2026-Q3, 92 days). sg-1d56fc66: open since 2026-06-15, closed on 07-11,
 * opened again on 08-01, deleted on 08-11. sg-bastion0001: open since 06-01, tagged as a bastion,
 * whose exemption's last day is 08-31.
 */
const SG_HISTORY = {
  configurationItems: [
    version('2026-06-15T00:00:00.000Z', 10),
    version('2026-07-11T00:00:00.000Z', 11, closed),
    version('2026-08-01T00:00:00.000Z', 12),
    version('2026-08-11T00:00:00.000Z', 13, { configurationItemStatus: 'ResourceDeleted' }),
  ],
};
const BASTION_HISTORY = {
  configurationItems: [{
    ...version('2026-06-01T00:00:00.000Z', 1, { resourceId: 'sg-bastion0001', tags: { role: 'bastion' } }),
  }],
};
const RULES = {
  rules: [{
    name: 'restricted-ssh',
    exemptions: [{ tag: { key: 'role', value: 'bastion' }, reason: 'bastions', approvedBy: 'sec-lead', ticket: 'RISK-7', expires: '2026-08-31' }],
  }],
};
const QUARTER = ['--from', '2026-07-01', '--to', '2026-10-01'];

function inputs() {
  return { rules: scratch.write('rules.json', RULES), sg: scratch.write('sg.json', SG_HISTORY), bastion: scratch.write('bastion.json', BASTION_HISTORY) };
}

const SG_FIGURES = {
  compliant_seconds: 21 * DAY,
  non_compliant_seconds: 20 * DAY,
  exempt_seconds: 0,
  // 21 days compliant of 41 judged.
  compliant_percentage: 51.22,
  violations: { open_at_start: 1, opened: 1, remediated: 1, ended_otherwise: 1, open_at_end: 0 },
  // Open from 06-15, before the period, until 07-11.
  time_to_remediate: { measured: 1, mean_seconds: 26 * DAY, longest_seconds: 26 * DAY },
};
const BASTION_FIGURES = {
  compliant_seconds: 0,
  non_compliant_seconds: 30 * DAY,
  exempt_seconds: 62 * DAY,
  compliant_percentage: 0,
  // The exemption ends at 09-01 00:00 UTC, the day after its last day: the violation opens there.
  violations: { open_at_start: 0, opened: 1, remediated: 0, ended_otherwise: 0, open_at_end: 1 },
  time_to_remediate: { measured: 0, mean_seconds: null, longest_seconds: null },
};
const SUMMARY = {
  resources: 2,
  compliant_seconds: 21 * DAY,
  non_compliant_seconds: 50 * DAY,
  exempt_seconds: 62 * DAY,
  compliant_percentage: 29.58,
  violations: { open_at_start: 1, opened: 2, remediated: 1, ended_otherwise: 1, open_at_end: 1 },
  time_to_remediate: { measured: 1, mean_seconds: 26 * DAY, longest_seconds: 26 * DAY },
};

describe('period over Config history', () => {
  test('a quarter worked by hand: time in each state, violations, remediation, the exemption that applied', async () => {
    const { rules, sg, bastion } = inputs();
    const { code, stderr, report } = await run('period', ...QUARTER, '--rules', rules, '--framework', 'none', sg, bastion);
    expect([code, stderr]).toEqual([EXIT_NON_COMPLIANT, '']);
    expect(report.period).toEqual({ start: '2026-07-01T00:00:00.000Z', end: '2026-10-01T00:00:00.000Z' });
    expect(report.resources).toEqual([
      { resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-1d56fc66', rules: [{ configRuleName: 'restricted-ssh', ...SG_FIGURES }], controls: [] },
      { resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-bastion0001', rules: [{ configRuleName: 'restricted-ssh', ...BASTION_FIGURES }], controls: [] },
    ]);
    expect(report.summary).toEqual(SUMMARY);
    expect(report.by_rule).toEqual({ 'restricted-ssh': SUMMARY });
    expect(report.controls).toBeUndefined();
    expect(report.exemptions).toEqual([{
      configRuleName: 'restricted-ssh',
      reason: 'bastions',
      approved_by: 'sec-lead',
      ticket: 'RISK-7',
      expires_at: '2026-09-01T00:00:00.000Z',
      resources: 1,
      applied_from: '2026-07-01T00:00:00.000Z',
      applied_until: '2026-09-01T00:00:00.000Z',
    }]);
    expect(report.scope).toEqual({
      generated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      library_version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      // The oldest item read: the bastion's.
      history_from: '2026-06-01T00:00:00.000Z',
      rules: [expect.objectContaining({ name: 'restricted-ssh', config_rule_name: 'restricted-ssh', severity: 'CRITICAL', parameters: {} })],
    });
  });

  test('items in any order and read twice count once, as one history', async () => {
    const { rules, sg, bastion } = inputs();
    const expected = (await run('period', ...QUARTER, '--rules', rules, '--framework', 'none', sg, bastion)).report;
    const shuffled = scratch.write('shuffled.json', { configurationItems: [...SG_HISTORY.configurationItems].reverse() });
    const { code, report } = await run('period', ...QUARTER, '--rules', rules, '--framework', 'none', bastion, shuffled, sg, shuffled);
    expect(code).toBe(EXIT_NON_COMPLIANT);
    const { scope: _first, ...figures } = expected;
    const { scope: _second, ...again } = report;
    expect(again).toEqual(figures);
  });

  test('controls of the framework chosen: each violated at some time, with the figures of the rules mapped to it', async () => {
    const { rules, sg, bastion } = inputs();
    const { report } = await run('period', ...QUARTER, '--rules', rules, '--framework', 'CIS_AWS', sg, bastion);
    expect(Object.keys(report.controls)).toEqual(['CIS_AWS']);
    // restricted-ssh maps to CIS 5.3 and 5.4 (src/core/frameworks/mappings.ts); it is the set's only rule.
    expect(report.controls.CIS_AWS.controls).toEqual(Object.fromEntries(['5.3', '5.4'].map((control) => [control, { rules: ['restricted-ssh'], ...SUMMARY }])));
    expect(report.resources[0].controls).toEqual([
      { framework: 'CIS_AWS', control: '5.3', ...SG_FIGURES },
      { framework: 'CIS_AWS', control: '5.4', ...SG_FIGURES },
    ]);
  });

  test('CSV: one row per resource and rule, with the figures of the JSON', async () => {
    const { rules, sg, bastion } = inputs();
    const out = scratch.path('q3.period.csv');
    const { code, stdout } = await run('period', ...QUARTER, '--rules', rules, '--out', out, sg, bastion);
    expect([code, stdout]).toEqual([EXIT_NON_COMPLIANT, '']);
    expect(fs.readFileSync(out, 'utf8')).toBe(PERIOD_CSV_HEADER
      + `AWS::EC2::SecurityGroup,sg-1d56fc66,restricted-ssh,${21 * DAY},${20 * DAY},0,51.22,1,1,1,1,0,1,${26 * DAY},${26 * DAY}\r\n`
      + `AWS::EC2::SecurityGroup,sg-bastion0001,restricted-ssh,0,${30 * DAY},${62 * DAY},0,0,1,0,0,1,0,,\r\n`);
  });

  test('0 when no resource was non-compliant in the period, though it was before', async () => {
    const { rules, sg } = inputs();
    const { code, report } = await run('period', '--from', '2026-07-12', '--to', '2026-07-31T12:00:00+02:00', '--rules', rules, sg);
    expect(code).toBe(EXIT_COMPLIANT);
    expect(report.period).toEqual({ start: '2026-07-12T00:00:00.000Z', end: '2026-07-31T10:00:00.000Z' });
    expect(report.summary).toMatchObject({ resources: 1, non_compliant_seconds: 0, compliant_percentage: 100 });
  });

  test('3 when nothing was judged in the period: a resource deleted before it, items of other types', async () => {
    const { rules, sg } = inputs();
    const { code, stderr, report } = await run('period', '--from', '2026-09-01', '--to', '2026-10-01', '--rules', rules, sg,
      fixturePath('configuration-items/AWS-IAM-User.history.json'));
    expect(code).toBe(EXIT_NOTHING_JUDGED);
    expect(stderr).toBe('cdk-compliance-monitor: nothing was judged (no resource was compliant, non-compliant or exempt at any time in the period); '
      + '1 item skipped, of types no rule evaluates: AWS::IAM::User 1\n');
    expect(report.resources).toEqual([]);
    expect(report.summary.resources).toBe(0);
  });

  test.each([
    [['period', '--to', '2026-10-01', 'x.json'], '--from is required'],
    [['period', '--from', '2026-02-30', '--to', '2026-10-01', 'x.json'],
      '--from must be a date, YYYY-MM-DD, or a time with its offset, YYYY-MM-DDTHH:MM:SSZ (got "2026-02-30")'],
    [['period', '--from', '2026-07-01T00:00:00', '--to', '2026-10-01', 'x.json'],
      '--from must be a date, YYYY-MM-DD, or a time with its offset, YYYY-MM-DDTHH:MM:SSZ (got "2026-07-01T00:00:00")'],
    [['period', '--from', '2026-10-01', '--to', '2026-07-01', 'x.json'], '--to must be after --from (got 2026-10-01T00:00:00.000Z to 2026-07-01T00:00:00.000Z)'],
    [['period', '--from', '2026-07-01', '--to', '9999-01-01', 'x.json'], '--to 9999-01-01T00:00:00.000Z is after now: what the resources will be is not in any history'],
    [['period', ...QUARTER, '--format', 'html', 'x.json'], '--format must be one of json, csv (got "html")'],
    [['period', ...QUARTER, '--out', 'q3.html', 'x.json'], '--out q3.html: no report format has the extension ".html"; use .json or .csv, or give --format'],
    [['period', ...QUARTER], 'no INPUT file given'],
  ])('2 on bad usage %j, naming the period command', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect([code, stdout]).toEqual([EXIT_BAD_INPUT, '']);
    expect(stderr).toBe(`cdk-compliance-monitor: ${message} (usage: cdk-compliance-monitor period --from DATE --to DATE [--rules FILE] `
      + '[--framework ID]... [--format json|csv] [--out FILE]... INPUT...)\n');
  });

  test('2 for an item without a capture time, naming the file and the resource', async () => {
    const { configurationItemCaptureTime: _time, ...undated } = SSH_OPEN;
    const file = scratch.write('undated.json', [undated]);
    const { code, stderr } = await run('period', ...QUARTER, file);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toBe(`cdk-compliance-monitor: ${file}: the item of AWS::EC2::SecurityGroup sg-1d56fc66 has no configurationItemCaptureTime: `
      + 'a period report places each item at it\n');
  });
});
