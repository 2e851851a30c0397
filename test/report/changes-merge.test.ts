import { ChangesMerge, changesSince, findingKey, ReportedFinding, ReportOrderError } from '../../src/core/report/changes-since';
import { CHANGE_LIST_CLOSE, jsonReport } from '../../src/core/report/json';
import { buildReport, ReportedEvaluation } from '../../src/core/report/report';
import { compareUtf8 } from '../../src/core/storage/key-order';

const finding = (resourceId: string, configRuleName = 'restricted-ssh'): ReportedFinding =>
  ({ configRuleName, resourceType: 'AWS::EC2::SecurityGroup', resourceId });
const evaluation = (resourceId: string, complianceType: ReportedEvaluation['complianceType'], configRuleName = 'restricted-ssh'): ReportedEvaluation =>
  ({ ...finding(resourceId, configRuleName), complianceType, annotation: '' });

/** A merge whose sink records each change as it is handed over. */
function recordingMerge(hasPrevious = true) {
  const changes: Array<['new' | 'fixed', string]> = [];
  const merge = new ChangesMerge({
    newlyNonCompliant: (item) => changes.push(['new', item.resourceId]),
    newlyFixed: (item) => changes.push(['fixed', item.resourceId]),
  }, hasPrevious);
  return { merge, changes };
}

describe('the changes since the previous report, merged as both are read', () => {
  test('each change reaches the sink as soon as the merge knows it, before the lists end', () => {
    const { merge, changes } = recordingMerge();
    merge.addPrevious([finding('sg-a'), finding('sg-b'), finding('sg-d')]);
    expect(merge.openResource('sg-c')).toBe(false);
    // sg-a and sg-b sort before the open resource: nothing current can name them any more.
    expect(changes).toEqual([['fixed', 'sg-a'], ['fixed', 'sg-b']]);
    merge.add(evaluation('sg-c', 'NON_COMPLIANT'));
    expect(changes.at(-1)).toEqual(['new', 'sg-c']);
    merge.add(evaluation('sg-d', 'NON_COMPLIANT'));
    merge.endPrevious();
    merge.finish();
    expect(changes).toEqual([['fixed', 'sg-a'], ['fixed', 'sg-b'], ['new', 'sg-c']]);
  });

  test('a resource asks for more of the previous report until it has read past that resource id', () => {
    const { merge, changes } = recordingMerge();
    expect(merge.openResource('sg-b')).toBe(true);
    merge.addPrevious([finding('sg-a')]);
    expect(merge.openResource('sg-b')).toBe(true);
    merge.addPrevious([finding('sg-b', 'rule-1'), finding('sg-b', 'rule-2')]);
    // The next violations may be sg-b's too.
    expect(merge.openResource('sg-b')).toBe(true);
    merge.addPrevious([finding('sg-c')]);
    expect(merge.openResource('sg-b')).toBe(false);
    merge.add(evaluation('sg-b', 'NON_COMPLIANT', 'rule-2'));
    merge.add(evaluation('sg-b', 'COMPLIANT', 'rule-1'));
    merge.endPrevious();
    merge.finish();
    expect(changes).toEqual([['fixed', 'sg-a'], ['fixed', 'sg-b'], ['fixed', 'sg-c']]);
  });

  test('the same changes as sets of keys give, on random lists read in random chunks', () => {
    let seed = 11;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const ids = ['a', 'b', 'c', '\u00e9', '\uE000', '\u{1F600}', 'sg-1', 'sg-10', 'sg-2'];
    for (let run = 0; run < 200; run++) {
      const pick = () => Array.from({ length: random(12) }, () => evaluation(ids[random(ids.length)], random(2) ? 'NON_COMPLIANT' : 'COMPLIANT', `rule-${random(3)}`));
      const unique = (items: ReportedEvaluation[]) => [...new Map(items.map((item) => [findingKey(item), item])).values()];
      const previous = unique(pick());
      const current = unique(pick());
      const violations = (items: ReportedEvaluation[]) => new Set(items.filter((item) => item.complianceType === 'NON_COMPLIANT').map(findingKey));
      const [before, after] = [violations(previous), violations(current)];

      const changes = changesSince(buildReport(previous, new Date()), current);

      expect(changes.newly_non_compliant.map(findingKey).sort()).toEqual([...after].filter((key) => !before.has(key)).sort());
      expect(changes.newly_fixed.map(findingKey).sort()).toEqual([...before].filter((key) => !after.has(key)).sort());
      for (const list of [changes.newly_non_compliant, changes.newly_fixed]) {
        expect(list.every((item, i) => i === 0 || compareUtf8(list[i - 1].resourceId, item.resourceId) <= 0)).toBe(true);
      }
    }
  });

  test('a previous report out of resource id order is refused, naming the two resources and the fix', () => {
    const { merge } = recordingMerge();
    merge.addPrevious([finding('sg-b')]);
    expect(() => merge.addPrevious([finding('sg-a')])).toThrow(ReportOrderError);
    expect(() => merge.addPrevious([finding('sg-a')])).toThrow(/lists resource "sg-a" after "sg-b".*delete it to start the comparison afresh/);
  });

  test('current evaluations out of order, or a finish before the previous report ended, are errors of the reader', () => {
    const { merge } = recordingMerge();
    merge.add(evaluation('sg-b', 'COMPLIANT'));
    expect(() => merge.add(evaluation('sg-a', 'COMPLIANT'))).toThrow(/out of resource id order/);
    expect(() => merge.finish()).toThrow(/not read to its end/);
  });

  test('without a previous report, nothing is newly non-compliant or fixed, and nothing is asked for', () => {
    const { merge, changes } = recordingMerge(false);
    expect(merge.openResource('sg-a')).toBe(false);
    merge.add(evaluation('sg-a', 'NON_COMPLIANT'));
    merge.finish();
    expect(changes).toEqual([['new', 'sg-a']]);
  });
});

describe('the JSON tail with its lists of changes written apart', () => {
  test.each([
    ['both lists', [finding('sg-1'), finding('sg-"2"\n')], [finding('sg-3')]],
    ['an empty list', [], [finding('sg-3')]],
    ['no change', [], []],
  ])('%s: the pieces joined are the tail of the whole overview, byte for byte', (_name, newlyNonCompliant, newlyFixed) => {
    const { report_timestamp: _taken, evaluations: _listed, ...figures } = buildReport([evaluation('sg-1', 'NON_COMPLIANT')], new Date('2026-11-23T10:00:00Z'));
    const overview = {
      ...figures,
      by_rule: { newly_fixed: { total: 1, compliant: 1, non_compliant: 0 } },
      changes_since_previous: { previous_report_timestamp: '2026-11-22T10:00:00Z', newly_non_compliant: newlyNonCompliant, newly_fixed: newlyFixed },
      mean_time_to_remediate: {},
    };
    const list = (items: ReportedFinding[]) => (items.length === 0 ? '[]' : `[${items.map((item, i) => jsonReport.changedFinding(item, i === 0)).join('')}${CHANGE_LIST_CLOSE}`);
    const [before, between, after] = jsonReport.tailAroundChanges(overview, false);
    expect(before + list(newlyNonCompliant) + between + list(newlyFixed) + after).toBe(jsonReport.tail(overview, false));
  });
});
