import { compileRule, ConfigurationItem, NewestItemEvaluations, toConfigurationItem } from '../../src/core/engine';
import { configurationItem } from '../support/fixtures';

const NOW = new Date('2026-11-23T12:00:00Z');
const ssh = { rule: compileRule({ ruleName: 'restricted-ssh' }), severity: 'CRITICAL' };
const OPEN = [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] }];
const group = (ipPermissions: unknown[], extra: Record<string, unknown> = {}): ConfigurationItem =>
  toConfigurationItem(configurationItem('AWS::EC2::SecurityGroup', { ipPermissions }, { resourceId: 'sg-1', ...extra }))!;

function verdicts(...items: ConfigurationItem[]): string[] {
  const evaluation = new NewestItemEvaluations([ssh], NOW);
  items.forEach((item) => evaluation.add(item));
  return [...evaluation.evaluations()].map((e) => `${e.resourceId} ${e.complianceType}`);
}

describe('NewestItemEvaluations', () => {
  test('a recorded capture time is newer than none; between items without one, the first read stays', () => {
    const timed = group([], { configurationItemCaptureTime: '2026-01-01T00:00:00Z' });
    expect(verdicts(group(OPEN), timed)).toEqual(['sg-1 COMPLIANT']);
    expect(verdicts(timed, group(OPEN))).toEqual(['sg-1 COMPLIANT']);
    expect(verdicts(group(OPEN), group([]))).toEqual(['sg-1 NON_COMPLIANT']);
  });

  test('capture times compare as instants, not as text (with and without milliseconds)', () => {
    const later = group([], { configurationItemCaptureTime: '2026-01-01T00:00:08.500Z' });
    const earlier = group(OPEN, { configurationItemCaptureTime: '2026-01-01T00:00:08Z' });
    expect(verdicts(later, earlier)).toEqual(['sg-1 COMPLIANT']);
  });

  test('a numeric configurationStateId (1.3) orders items of one capture time', () => {
    const time = '2026-01-01T00:00:00Z';
    const newer = group([], { configurationItemCaptureTime: time, configurationStateId: 2 });
    expect(verdicts(newer, group(OPEN, { configurationItemCaptureTime: time, configurationStateId: 1 }))).toEqual(['sg-1 COMPLIANT']);
  });

  test('carries the rule severity; counts each skipped resource once per type', () => {
    const evaluation = new NewestItemEvaluations([ssh], NOW);
    const role = toConfigurationItem(configurationItem('AWS::IAM::Role', {}, { resourceId: 'AROA1' }))!;
    [group(OPEN), role, role, toConfigurationItem(configurationItem('AWS::IAM::Role', {}, { resourceId: 'AROA2' }))!].forEach((item) => evaluation.add(item));
    expect([...evaluation.evaluations()].map((e) => e.severity)).toEqual(['CRITICAL']);
    expect(evaluation.skippedItemsByResourceType()).toEqual({ 'AWS::IAM::Role': 2 });
  });

  test('evaluations follow the order types and resources were first read', () => {
    const ports = { rule: compileRule({ ruleName: 'encrypted-volumes' }) };
    const evaluation = new NewestItemEvaluations([ports, ssh], NOW);
    const volume = toConfigurationItem(configurationItem('AWS::EC2::Volume', { encrypted: true, state: 'in-use' }))!;
    [group([]), volume, group([], { resourceId: 'sg-2' })].forEach((item) => evaluation.add(item));
    expect([...evaluation.evaluations()].map((e) => e.resourceId)).toEqual(['sg-1', 'sg-2', 'volume-1']);
  });
});

describe('verdict lists shared between resources', () => {
  test('resources that fare alike share one list; past the sharing bound, verdicts naming each resource are still each its own', () => {
    const tags = { rule: compileRule({ ruleName: 'required-tags', parameters: { tag1Key: 'Owner', tag1Value: 'team-a' } }) };
    const evaluation = new NewestItemEvaluations([tags], NOW);
    const count = 10_000;
    for (let index = 0; index < count; index++) {
      // Half lack the tag (one shared verdict), half carry a value not allowed, named in their annotation.
      const itemTags = index % 2 === 0 ? {} : { Owner: `team-${index}` };
      evaluation.add(toConfigurationItem(configurationItem('AWS::S3::Bucket', {}, { resourceId: `b-${index}`, tags: itemTags }))!);
    }
    const annotations = [...evaluation.evaluations()].map((e) => e.annotation);
    expect(annotations).toHaveLength(count);
    expect(annotations[0]).toBe('Required tags: missing Owner');
    expect(annotations[count - 1]).toBe(`Required tags: Owner=team-${count - 1} not in team-a`);
    expect(new Set(annotations).size).toBe(count / 2 + 1);
  });
});
