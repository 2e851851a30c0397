import * as fc from 'fast-check';
import {
  figuresOf, lastWholePeriod, PeriodTally, RecordedState, renderPeriodCsv, renderPeriodJson, timelineOf,
} from '../../src/core/period';
import type { ReportFramework } from '../../src/core/report/controls';
import { historyBucket, historyBuckets, historyShard, HISTORY_SHARDS, monthsBetween } from '../../src/core/storage/history-index';

const DAY = 86_400;
const Q3 = { start: new Date('2026-07-01T00:00:00Z'), end: new Date('2026-10-01T00:00:00Z') };
const SSH = 'restricted-ssh-prod';
const PORTS = 'vpc-sg-open-only-to-authorized-ports-prod';
const VOLUMES = 'encrypted-volumes-prod';
const BASTION = { reason: 'Bastion host', approvedBy: 'cso@example.com', ticket: 'SEC-1', expiresAt: '2026-09-01T00:00:00.000Z' };

function state(configRuleName: string, resourceId: string, at: string, complianceType: string, more: Partial<RecordedState> = {}): RecordedState {
  const resourceType = resourceId.startsWith('sg-') ? 'AWS::EC2::SecurityGroup' : 'AWS::EC2::Volume';
  return { configRuleName, resourceType, resourceId, at: `${at}T00:00:00.000Z`, complianceType, ...more };
}

/**
 * A quarter worked by hand (Q3 2026, 92 days):
 * - sg-1 / restricted-ssh: compliant since June; violated 07-11 to 07-21 (fixed after 10 days),
 *   again from 09-01 to the end. Compliant 10 + 42 = 52 days, non-compliant 10 + 30 = 40.
 * - sg-1 / ports: non-compliant before the first row read (its previous state), exempt 08-01 until
 *   the exemption's expiry 09-01, non-compliant 09-01 to 09-06 (fixed after 5 days), then compliant.
 *   Non-compliant 31 + 5 = 36 days, exempt 31, compliant 25.
 * - vol-1 / volumes: a current state from January, compliant all 92 days.
 * - vol-2 / volumes: created 08-15 compliant, deleted (RESOLVED) 09-20: compliant 36 days.
 */
const QUARTER: RecordedState[][] = [
  [
    state(SSH, 'sg-1', '2026-06-15', 'COMPLIANT'),
    state(SSH, 'sg-1', '2026-07-21', 'COMPLIANT', { previousComplianceType: 'NON_COMPLIANT' }),
    state(SSH, 'sg-1', '2026-07-11', 'NON_COMPLIANT', { previousComplianceType: 'COMPLIANT' }),
    state(SSH, 'sg-1', '2026-09-01', 'NON_COMPLIANT'),
    // The current state, read beside the history: the same state again.
    state(SSH, 'sg-1', '2026-09-01', 'NON_COMPLIANT'),
    state(PORTS, 'sg-1', '2026-08-01', 'EXEMPT', { previousComplianceType: 'NON_COMPLIANT', exemption: BASTION }),
    state(PORTS, 'sg-1', '2026-09-01', 'NON_COMPLIANT'),
    state(PORTS, 'sg-1', '2026-09-06', 'COMPLIANT'),
  ],
  [state(VOLUMES, 'vol-1', '2026-01-05', 'COMPLIANT')],
  [state(VOLUMES, 'vol-2', '2026-08-15', 'COMPLIANT'), state(VOLUMES, 'vol-2', '2026-09-20', 'RESOLVED', { previousComplianceType: 'COMPLIANT' })],
];

const FRAMEWORK: ReportFramework = {
  id: 'TEST', name: 'Test catalogue', controlsByRule: { [SSH]: ['C-1'], [PORTS]: ['C-1'], [VOLUMES]: ['C-2'] },
};

function noViolations(remediation = { measured: 0, mean_seconds: null, longest_seconds: null }) {
  return { violations: { open_at_start: 0, opened: 0, remediated: 0, ended_otherwise: 0, open_at_end: 0 }, time_to_remediate: remediation };
}

function tallied(resources: RecordedState[][] = QUARTER, frameworks: ReportFramework[] = [FRAMEWORK]) {
  const tally = new PeriodTally(Q3, frameworks);
  const listed = resources.flatMap((states) => tally.addResource(states));
  return { overview: tally.overview(), resources: listed };
}

describe('a period report over a hand-computed quarter', () => {
  const { overview, resources } = tallied();

  test('each rule: time in each state, the compliant share, violations and times to remediate', () => {
    expect(overview.by_rule[SSH]).toEqual({
      resources: 1,
      compliant_seconds: 52 * DAY,
      non_compliant_seconds: 40 * DAY,
      exempt_seconds: 0,
      compliant_percentage: 56.52,
      violations: { open_at_start: 0, opened: 2, remediated: 1, ended_otherwise: 0, open_at_end: 1 },
      time_to_remediate: { measured: 1, mean_seconds: 10 * DAY, longest_seconds: 10 * DAY },
    });
    // Exempt time is in neither side of the share: 25 / (25 + 36).
    expect(overview.by_rule[PORTS]).toEqual({
      resources: 1,
      compliant_seconds: 25 * DAY,
      non_compliant_seconds: 36 * DAY,
      exempt_seconds: 31 * DAY,
      compliant_percentage: 40.98,
      violations: { open_at_start: 1, opened: 1, remediated: 1, ended_otherwise: 1, open_at_end: 0 },
      time_to_remediate: { measured: 1, mean_seconds: 5 * DAY, longest_seconds: 5 * DAY },
    });
    expect(overview.by_rule[VOLUMES]).toEqual({
      resources: 2, compliant_seconds: 128 * DAY, non_compliant_seconds: 0, exempt_seconds: 0, compliant_percentage: 100, ...noViolations(),
    });
  });

  test('the period: each resource once, every rule\'s time and violations', () => {
    expect(overview.period).toEqual({ start: '2026-07-01T00:00:00.000Z', end: '2026-10-01T00:00:00.000Z' });
    expect(overview.summary).toEqual({
      resources: 3,
      compliant_seconds: 205 * DAY,
      non_compliant_seconds: 76 * DAY,
      exempt_seconds: 31 * DAY,
      compliant_percentage: 72.95,
      violations: { open_at_start: 1, opened: 3, remediated: 2, ended_otherwise: 1, open_at_end: 1 },
      time_to_remediate: { measured: 2, mean_seconds: 7.5 * DAY, longest_seconds: 10 * DAY },
    });
  });

  test('a control is violated while any of its rules is: sg-1 violated C-1 from before the period to 08-01 and from 09-01', () => {
    // 07-01 to 08-01 the ports rule fails; 08-01 to 09-01 ssh is compliant and ports exempt; from 09-01 ssh fails.
    const c1 = {
      compliant_seconds: 31 * DAY,
      non_compliant_seconds: 61 * DAY,
      exempt_seconds: 0,
      compliant_percentage: 33.7,
      // The violation open at the start ended at 08-01; when it began is before the history read.
      violations: { open_at_start: 1, opened: 1, remediated: 1, ended_otherwise: 0, open_at_end: 1 },
      time_to_remediate: { measured: 0, mean_seconds: null, longest_seconds: null },
    };
    expect(overview.controls).toEqual({
      TEST: {
        name: 'Test catalogue',
        controls: {
          'C-1': { rules: [SSH, PORTS], resources: 1, ...c1 },
          'C-2': { rules: [VOLUMES], resources: 2, compliant_seconds: 128 * DAY, non_compliant_seconds: 0, exempt_seconds: 0, compliant_percentage: 100, ...noViolations() },
        },
      },
    });
    expect(resources[0].controls).toEqual([{ framework: 'TEST', control: 'C-1', ...c1 }]);
    expect(resources[1].controls).toEqual([]);
  });

  test('every exemption that applied, with who approved it, its ticket and expiry, and when it applied', () => {
    expect(overview.exemptions).toEqual([{
      configRuleName: PORTS,
      reason: 'Bastion host',
      approved_by: 'cso@example.com',
      ticket: 'SEC-1',
      expires_at: '2026-09-01T00:00:00.000Z',
      resources: 1,
      applied_from: '2026-08-01T00:00:00.000Z',
      applied_until: '2026-09-01T00:00:00.000Z',
    }]);
  });

  test('resources are listed with their figures by rule, and as CSV rows', () => {
    expect(resources.map(({ resourceId, rules }) => [resourceId, rules.map((rule) => [rule.configRuleName, rule.compliant_percentage])])).toEqual([
      ['sg-1', [[SSH, 56.52], [PORTS, 40.98]]],
      ['vol-1', [[VOLUMES, 100]]],
      ['vol-2', [[VOLUMES, 100]]],
    ]);
    const csv = renderPeriodCsv({ resources }).split('\r\n');
    expect(csv[0]).toBe('resource_type,resource_id,config_rule_name,compliant_seconds,non_compliant_seconds,exempt_seconds,compliant_percentage,'
      + 'violations_open_at_start,violations_opened,violations_remediated,violations_ended_otherwise,violations_open_at_end,'
      + 'remediations_measured,mean_seconds_to_remediate,longest_seconds_to_remediate');
    expect(csv[1]).toBe(`AWS::EC2::SecurityGroup,sg-1,${SSH},${52 * DAY},${40 * DAY},0,56.52,0,2,1,0,1,1,${10 * DAY},${10 * DAY}`);
    expect(csv[3]).toBe(`AWS::EC2::Volume,vol-1,${VOLUMES},${92 * DAY},0,0,100,0,0,0,0,0,0,,`);
    expect(csv.slice(5)).toEqual(['']);
  });

  test('the JSON is one document: the period, the resources, then the figures', () => {
    const report = { ...overview, resources };
    expect(JSON.parse(renderPeriodJson(report))).toEqual(report);
    expect(JSON.parse(renderPeriodJson({ ...overview, resources: [] })).resources).toEqual([]);
  });
});

describe('period edges', () => {
  test('a state recorded after the period, the first read, stands for the period by the state it replaced', () => {
    const { overview } = tallied([[state(SSH, 'sg-9', '2026-10-03', 'COMPLIANT', { previousComplianceType: 'NON_COMPLIANT' })]], []);
    expect(overview.by_rule[SSH]).toMatchObject({
      non_compliant_seconds: 92 * DAY,
      compliant_percentage: 0,
      violations: { open_at_start: 1, opened: 0, remediated: 0, ended_otherwise: 0, open_at_end: 1 },
    });
  });

  test('a violation open since before the history read is timed from its start, where the fix recorded it', () => {
    const fixed = (more: Partial<RecordedState>) => tallied([[state(SSH, 'sg-1', '2026-07-11', 'COMPLIANT', { previousComplianceType: 'NON_COMPLIANT', ...more })]], []);
    expect(fixed({ previousSince: '2026-06-15T00:00:00.000Z' }).overview.by_rule[SSH]).toMatchObject({
      non_compliant_seconds: 10 * DAY,
      violations: { open_at_start: 1, remediated: 1 },
      time_to_remediate: { measured: 1, mean_seconds: 26 * DAY, longest_seconds: 26 * DAY },
    });
    // Without it, the fix is counted but not timed.
    expect(fixed({}).overview.by_rule[SSH]).toMatchObject({
      violations: { open_at_start: 1, remediated: 1 },
      time_to_remediate: { measured: 0, mean_seconds: null, longest_seconds: null },
    });
  });

  test('a fix at the period\'s end instant is in the period; a violation from its end instant is the next period\'s', () => {
    const { overview } = tallied([
      [state(SSH, 'sg-1', '2026-09-30', 'NON_COMPLIANT'), state(SSH, 'sg-1', '2026-10-01', 'COMPLIANT')],
      [state(SSH, 'sg-2', '2026-06-01', 'COMPLIANT'), state(SSH, 'sg-2', '2026-10-01', 'NON_COMPLIANT')],
    ], []);
    expect(overview.by_rule[SSH]).toMatchObject({
      resources: 2,
      non_compliant_seconds: DAY,
      violations: { open_at_start: 0, opened: 1, remediated: 1, ended_otherwise: 0, open_at_end: 0 },
      time_to_remediate: { measured: 1, mean_seconds: DAY, longest_seconds: DAY },
    });
  });

  test('a resource the rules never judged in the period is not listed', () => {
    const { overview, resources } = tallied([[state(SSH, 'sg-1', '2026-03-01', 'COMPLIANT'), state(SSH, 'sg-1', '2026-04-01', 'RESOLVED')]], []);
    expect(resources).toEqual([]);
    expect(overview.summary).toMatchObject({ resources: 0, compliant_percentage: null });
    expect(overview.by_rule).toEqual({});
  });

  test('a period that does not end after its start is refused', () => {
    expect(() => new PeriodTally({ start: Q3.end, end: Q3.start })).toThrow('a period must end after it starts');
  });

  test('every violation that overlaps the period is counted once at its start and once at its end', () => {
    const types = ['COMPLIANT', 'NON_COMPLIANT', 'EXEMPT', 'NOT_APPLICABLE', 'RESOLVED'];
    const states = fc.array(fc.record({ day: fc.integer({ min: -40, max: 130 }), type: fc.constantFrom(...types) }), { maxLength: 12 });
    fc.assert(fc.property(states, fc.option(fc.constantFrom(...types), { nil: undefined }), (changes, previous) => {
      const recorded = changes.map(({ day, type }, i) => ({
        ...state(SSH, 'sg-1', '2026-07-01', type, i === 0 ? { previousComplianceType: previous } : {}),
        at: new Date(Q3.start.getTime() + day * DAY * 1000).toISOString(),
      })).sort((a, b) => a.at.localeCompare(b.at));
      const figures = figuresOf(timelineOf(recorded), { start: Q3.start.getTime(), end: Q3.end.getTime() });
      const { open_at_start: atStart, opened, remediated, ended_otherwise: otherwise, open_at_end: atEnd } = figures.violations;
      expect(atStart + opened).toBe(remediated + otherwise + atEnd);
      expect(atStart).toBeLessThanOrEqual(1);
      expect(atEnd).toBeLessThanOrEqual(1);
      expect(figures.compliantMs + figures.nonCompliantMs + figures.exemptMs).toBeLessThanOrEqual(92 * DAY * 1000);
    }));
  });
});

describe('the calendar periods', () => {
  test('the last whole quarter or month before a run, in UTC', () => {
    expect(lastWholePeriod('QUARTER', new Date('2026-10-01T12:00:00Z'))).toEqual(Q3);
    expect(lastWholePeriod('QUARTER', new Date('2026-02-14T00:00:00Z'))).toEqual({ start: new Date('2025-10-01T00:00:00Z'), end: new Date('2026-01-01T00:00:00Z') });
    expect(lastWholePeriod('MONTH', new Date('2026-01-01T12:00:00Z'))).toEqual({ start: new Date('2025-12-01T00:00:00Z'), end: new Date('2026-01-01T00:00:00Z') });
  });
});

describe('the history index\'s buckets', () => {
  test('a row\'s bucket is its month and its resource\'s shard; a period reads every shard of each month it touches', () => {
    expect(historyBucket('sg-1', '2026-08-31T23:59:59.999Z')).toBe(`2026-08#${historyShard('sg-1')}`);
    expect(monthsBetween(new Date('2025-11-15T00:00:00Z'), new Date('2026-02-01T00:00:00Z'))).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const buckets = historyBuckets(Q3.start, new Date('2026-10-01T12:00:00Z'));
    expect(buckets).toHaveLength(4 * HISTORY_SHARDS);
    expect(buckets[0]).toBe('2026-07#0');
    expect(buckets[buckets.length - 1]).toBe(`2026-10#${HISTORY_SHARDS - 1}`);
  });

  test('resources spread over every shard', () => {
    const counts = new Array(HISTORY_SHARDS).fill(0);
    for (let i = 0; i < 8_000; i++) {
      counts[historyShard(`sg-${i.toString(16).padStart(17, '0')}`)]++;
    }
    expect(Math.min(...counts)).toBeGreaterThan(800);
  });
});
