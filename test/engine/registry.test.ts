import { RULE_IMPLEMENTATIONS } from '../../src/core/engine/rules';
import { restrictedSsh } from '../../src/core/engine/rules/restricted-ssh';
import { RuleImplementation } from '../../src/core/engine/types';
import { BuiltInRuleName, isBuiltInRuleName, RULE_CATALOG } from '../../src/core/rules/catalog';
import { REMEDIATION_FIXES } from '../../src/core/rules/remediation-catalog';

describe('a rule in one place', () => {
  test('every catalog rule has its engine implementation, under its own name', () => {
    for (const ruleName of RULE_CATALOG.keys()) {
      expect(isBuiltInRuleName(ruleName)).toBe(true);
      expect(RULE_IMPLEMENTATIONS[ruleName as BuiltInRuleName].ruleName).toBe(ruleName);
    }
    expect(Object.keys(RULE_IMPLEMENTATIONS).sort()).toEqual([...RULE_CATALOG.keys()].sort());
    expect(isBuiltInRuleName('not-a-rule')).toBe(false);
    expect(isBuiltInRuleName('toString')).toBe(false);
  });

  test('a registry over the rule names that misses one does not compile', () => {
    // The type-check of `npm test` fails if this assignment ever compiles.
    // @ts-expect-error: a Record over BuiltInRuleName needs every built-in rule
    const incomplete: Record<BuiltInRuleName, RuleImplementation> = { 'restricted-ssh': restrictedSsh };
    expect(Object.keys(incomplete)).toEqual(['restricted-ssh']);
  });

  test('the fixes are the catalog entries\' own', () => {
    expect(Object.fromEntries(REMEDIATION_FIXES)).toEqual(Object.fromEntries(
      [...RULE_CATALOG.values()].filter((definition) => definition.fix).map((definition) => [definition.ruleName, definition.fix])));
    expect(REMEDIATION_FIXES.get('restricted-common-ports')).toBe('CLOSE_WORLD_INGRESS');
    expect(REMEDIATION_FIXES.has('required-tags')).toBe(false);
  });
});
