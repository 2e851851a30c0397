import { ConfigServiceClient, SelectResourceConfigCommand } from '@aws-sdk/client-config-service';
import { withExemptions } from '../../lambda/exemptions/exemptions';
import { TaggedResources } from '../../lambda/exemptions/tagged-resources';
import { CurrentFinding, reconcile } from '../../lambda/findings/reconcile';
import { exemptionInForce } from '../../src/core/engine/exemptions';
import { ComplianceChange } from '../../src/core/findings/compliance-change';
import { nextClock } from '../../src/core/findings/current-finding';
import { SSH_VIOLATION } from '../support/findings';
import { motoForEachTest } from '../support/moto';
import { answerGap, callLog } from '../support/moto-gaps';

const violation = SSH_VIOLATION;
const noTags = () => false;
const NOW = new Date('2026-11-23T12:00:00Z');

describe('withExemptions', () => {
  test('an exemption in force makes a violation EXEMPT with its reason; other resources and verdicts are untouched', () => {
    const exemptions = [{ resourceIds: ['sg-1'], reason: 'bastion' }];
    expect(withExemptions(violation, exemptions, noTags, NOW)).toEqual({
      ...violation, newComplianceType: 'EXEMPT', exemptionReason: 'bastion', exemption: { reason: 'bastion' },
    });
    expect(withExemptions({ ...violation, resourceId: 'sg-2' }, exemptions, noTags, NOW)).toEqual({ ...violation, resourceId: 'sg-2' });
    expect(withExemptions({ ...violation, newComplianceType: 'COMPLIANT' }, exemptions, noTags, NOW).newComplianceType).toBe('COMPLIANT');
  });

  test('the recorded reason names who approved the exemption and its ticket, where given', () => {
    const exemptions = [{ resourceIds: ['sg-1'], reason: 'bastion', approvedBy: 'CISO', ticket: 'RISK-42' }];
    expect(withExemptions(violation, exemptions, noTags, NOW).exemptionReason).toBe('bastion (approved by CISO, ticket RISK-42)');
    expect(withExemptions(violation, exemptions, noTags, NOW).exemption).toEqual({ reason: 'bastion', approvedBy: 'CISO', ticket: 'RISK-42' });
    expect(withExemptions(violation, [{ resourceIds: ['sg-1'], reason: 'bastion', ticket: 'RISK-42' }], noTags, NOW).exemptionReason).toBe('bastion (ticket RISK-42)');
  });

  test('by tag, through the lookup', () => {
    const exemptions = [{ tag: { key: 'team', value: 'edge' }, reason: 'edge proxies' }];
    const edge = (resourceId: string, tag: { key: string; value: string }) => resourceId === 'sg-1' && tag.key === 'team' && tag.value === 'edge';
    expect(withExemptions(violation, exemptions, edge, NOW).newComplianceType).toBe('EXEMPT');
    expect(withExemptions(violation, exemptions, noTags, NOW).newComplianceType).toBe('NON_COMPLIANT');
  });

  test('an expired exemption no longer applies, and the violation counts from the latest expiry', () => {
    const exemptions = [
      { resourceIds: ['sg-1'], reason: 'first', expiresAt: '2026-11-23T11:00:00.000Z' },
      { resourceIds: ['sg-1'], reason: 'renewed', expiresAt: '2026-11-23T11:30:00.000Z' },
    ];
    expect(withExemptions(violation, exemptions, noTags, NOW)).toEqual({ ...violation, recordedAt: '2026-11-23T11:30:00.000Z' });
    expect(withExemptions(violation, exemptions, noTags, new Date('2026-11-23T11:29:59Z')).exemptionReason).toBe('renewed');
    // Expired before Config recorded the violation: Config's time stands.
    expect(withExemptions({ ...violation, recordedAt: '2026-11-23T11:45:00.000Z' }, exemptions, noTags, NOW).recordedAt).toBe('2026-11-23T11:45:00.000Z');
    expect(exemptionInForce(exemptions, 'sg-1', noTags, NOW)).toBeUndefined();
  });
});

describe('reconcile with exemptions', () => {
  const current = (complianceType: string, recordedAt = violation.recordedAt): CurrentFinding =>
    ({ resourceId: 'sg-1', resourceType: violation.resourceType, configRuleName: violation.configRuleName, complianceType, recordedAt });

  test('the same Config result with an exemption now in force, or lapsed, is a change recorded at the sweep', () => {
    expect(reconcile([current('NON_COMPLIANT')], [{ ...violation, newComplianceType: 'EXEMPT' }], NOW).changes)
      .toEqual([{ change: { ...violation, newComplianceType: 'EXEMPT', oldComplianceType: 'NON_COMPLIANT', recordedAt: NOW.toISOString() }, previous: current('NON_COMPLIANT') }]);
    expect(reconcile([current('EXEMPT')], [violation], NOW).changes).toHaveLength(1);
  });

  test('an older result of another kind is not a change: an event overtook it', () => {
    expect(reconcile([current('COMPLIANT', '2026-11-23T11:00:00.000Z')], [violation], NOW).changes).toEqual([]);
  });
});

describe('nextClock', () => {
  const change = (newComplianceType: string, recordedAt: string): ComplianceChange => ({ ...violation, newComplianceType, recordedAt });
  const finding = (complianceType: string, clock: object = {}): CurrentFinding =>
    ({ resourceId: 'sg-1', resourceType: violation.resourceType, configRuleName: violation.configRuleName, complianceType, recordedAt: violation.recordedAt, ...clock });

  test('a violation starts the clock, a persisting one keeps it, a fix stops it and keeps how long it ran', () => {
    expect(nextClock(undefined, change('NON_COMPLIANT', '2026-11-23T10:00:00.000Z'))).toEqual({ violatedSince: '2026-11-23T10:00:00.000Z' });
    const running = finding('NON_COMPLIANT', { violatedSince: '2026-11-23T10:00:00.000Z' });
    expect(nextClock(running, change('NON_COMPLIANT', '2026-11-23T11:00:00.000Z')).violatedSince).toBe('2026-11-23T10:00:00.000Z');
    expect(nextClock(running, change('COMPLIANT', '2026-11-23T10:30:00.000Z'))).toEqual({ remediatedAt: '2026-11-23T10:30:00.000Z', timeToRemediateSeconds: 1800 });
  });

  test('an exempt or resolved state runs no clock, and keeps the latest fix', () => {
    const fixed = finding('NON_COMPLIANT', { violatedSince: '2026-11-23T10:00:00.000Z', remediatedAt: '2026-11-20T00:00:00.000Z', timeToRemediateSeconds: 60 });
    expect(nextClock(fixed, change('EXEMPT', '2026-11-23T11:00:00.000Z'))).toEqual({ remediatedAt: '2026-11-20T00:00:00.000Z', timeToRemediateSeconds: 60 });
    expect(nextClock(finding('EXEMPT'), change('COMPLIANT', '2026-11-23T11:00:00.000Z'))).toEqual({ remediatedAt: undefined, timeToRemediateSeconds: undefined });
  });
});

describe('TaggedResources', () => {
  const moto = motoForEachTest();

  test('queries each tag once, over every page, and answers for each', async () => {
    const config = new ConfigServiceClient(moto().clientConfig);
    const calls = callLog(config);
    // Config's advanced query, a gap of moto (MOTO_GAPS): the edge team's resources in two pages, no lab resource.
    answerGap(config, SelectResourceConfigCommand, (input) => {
      if (input.Expression !== "SELECT resourceId WHERE tags.tag = 'team=edge'") {
        return {};
      }
      return input.NextToken === undefined
        ? { Results: ['{"resourceId":"sg-1"}', '{}'], NextToken: 'next' }
        : { Results: ['{"resourceId":"i-2"}'] };
    });
    const tagged = new TaggedResources(config);
    const edge = { key: 'team', value: 'edge' };
    const lab = { key: 'env', value: 'lab' };
    const hasTag = await tagged.load([edge, lab]);
    await tagged.load([edge]);
    config.destroy();
    expect(calls.of(SelectResourceConfigCommand).map((call) => [call.input.Expression, call.input.NextToken])).toEqual([
      ["SELECT resourceId WHERE tags.tag = 'team=edge'", undefined],
      ["SELECT resourceId WHERE tags.tag = 'team=edge'", 'next'],
      ["SELECT resourceId WHERE tags.tag = 'env=lab'", undefined],
    ]);
    expect([hasTag('sg-1', edge), hasTag('i-2', edge), hasTag('sg-9', edge), hasTag('sg-1', lab), hasTag('sg-1', { key: 'x', value: 'y' })])
      .toEqual([true, true, false, false, false]);
  });
});
