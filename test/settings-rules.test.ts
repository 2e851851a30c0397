import { ComplianceRule, Exemption, RuleSet, Severity } from '../src';
import { DeployedRule, encodeRulesSetting } from '../src/core/settings/deployed-rule';
import { builtInSeverity, deployedRules } from '../src/core/settings/settings';
import { toDeployedRules } from '../src/functions/deployed-rules';

/** The RULES setting written as the construct writes it, and read as the handlers read it. */
const roundTrip = (rules: readonly DeployedRule[]) => deployedRules({ RULES: encodeRulesSetting(rules, builtInSeverity) });

describe('the RULES setting', () => {
  test('reads back every rule as written, whatever the compact form leaves out', () => {
    const rules: DeployedRule[] = [
      { configRuleName: 'restricted-ssh-prod', ruleName: 'restricted-ssh', severity: Severity.CRITICAL, evaluationMode: 'MANAGED' },
      // Not the catalog's severity, not AWS's evaluation: both kept.
      { configRuleName: 'required-tags-prod', ruleName: 'required-tags', severity: Severity.HIGH, evaluationMode: 'ENGINE', autoRemediate: true, parameters: { tag1Key: 'Owner' } },
      // Outside the catalog: its severity is kept; a Config name that is not the rule name and suffix is kept too.
      { configRuleName: 'legacy-name', ruleName: 'my-own-rule', severity: Severity.LOW, evaluationMode: 'CUSTOM', exemptions: [{ resourceIds: ['i-1'], reason: 'r' }] },
    ];
    expect(roundTrip(rules)).toEqual(rules);
    expect(JSON.parse(encodeRulesSetting(rules, builtInSeverity))).toEqual({
      suffix: '-prod',
      rules: [
        { ruleName: 'restricted-ssh' },
        { ruleName: 'required-tags', severity: 'HIGH', evaluationMode: 'ENGINE', autoRemediate: true, parameters: { tag1Key: 'Owner' } },
        { configRuleName: 'legacy-name', ruleName: 'my-own-rule', severity: 'LOW', evaluationMode: 'CUSTOM', exemptions: [{ resourceIds: ['i-1'], reason: 'r' }] },
      ],
    });
  });

  test('an empty set is a suffix and no rule', () => {
    expect(encodeRulesSetting([], builtInSeverity)).toBe('{"suffix":"","rules":[]}');
    expect(roundTrip([])).toEqual([]);
  });

  test('the foundational set in a monitor named with a long suffix takes under 2,500 of the 3,300 characters', () => {
    const rules = toDeployedRules(RuleSet.foundational().withRules(ComplianceRule.requiredTags({ tags: { Owner: [] } })), 'production-eu-west-1');
    const setting = encodeRulesSetting(rules, builtInSeverity);
    expect(setting.length).toBeLessThan(2500);
    expect(roundTrip(rules)).toEqual(rules);
  });
});

describe('exemptions as a register', () => {
  test('an exemption records who approved it and its ticket, and the handlers get both', () => {
    const exemption = Exemption.ofResources(['sg-1'], { reason: 'bastion', approvedBy: 'Jane Doe (CISO)', ticket: 'RISK-42', expires: '2027-03-31' });
    expect([exemption.approvedBy, exemption.ticket]).toEqual(['Jane Doe (CISO)', 'RISK-42']);
    const [rule] = toDeployedRules(RuleSet.of(ComplianceRule.restrictedSsh({ exemptions: [exemption] })), 'test');
    expect(rule.exemptions).toEqual([{ resourceIds: ['sg-1'], reason: 'bastion', approvedBy: 'Jane Doe (CISO)', ticket: 'RISK-42', expiresAt: '2027-04-01T00:00:00.000Z' }]);
    const [untracked] = toDeployedRules(RuleSet.of(ComplianceRule.restrictedSsh({ exemptions: [Exemption.ofTag('role', 'bastion', { reason: 'bastions' })] })), 'test');
    expect(untracked.exemptions).toEqual([{ tag: { key: 'role', value: 'bastion' }, reason: 'bastions' }]);
  });

  test.each([
    [{ reason: 'r', approvedBy: ' ' }, 'Exemption: approvedBy must have 1 to 128 characters, or be left out.'],
    [{ reason: 'r', ticket: 'T'.repeat(129) }, 'Exemption: ticket must have 1 to 128 characters, or be left out.'],
  ])('refuses %j', (options, message) => {
    expect(() => Exemption.ofResources(['sg-1'], options)).toThrow(message);
  });
});
