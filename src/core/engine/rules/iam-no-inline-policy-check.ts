import { ConfigurationItem, RuleImplementation } from '../types';
import { asRecord, asString } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

/** Where a user's, role's or group's configuration lists its inline policies. */
const INLINE_POLICY_LISTS: ReadonlyMap<string, string> = new Map([
  ['AWS::IAM::User', 'userPolicyList'],
  ['AWS::IAM::Role', 'rolePolicyList'],
  ['AWS::IAM::Group', 'groupPolicyList'],
]);

// Shared: most lists are empty, and two rules read each user's.
const NO_NAMES: readonly string[] = [];

/** The names of listed policies (`{policyName, ...}` entries; managed ones also carry `policyArn`). */
export function policyNames(list: readonly unknown[]): readonly string[] {
  return list.length === 0 ? NO_NAMES : list.map((entry) => asString(asRecord(entry)?.policyName) ?? asString(asRecord(entry)?.policyArn) ?? '(unnamed)');
}

/** The names of the item's inline policies, or undefined when its configuration does not list them. */
export function inlinePolicyNames(item: ConfigurationItem): readonly string[] | undefined {
  const list = item.configuration[INLINE_POLICY_LISTS.get(item.resourceType) ?? ''];
  return Array.isArray(list) ? policyNames(list) : undefined;
}

const NO_INLINE_POLICY = compliant('No inline policy');
const NOT_RECORDED = notApplicable('Inline policies not recorded');
const inlinePolicies = sharedVerdicts((names: string) => nonCompliant(`Inline policies: ${names}`));

/**
 * IAM_NO_INLINE_POLICY_CHECK: a user, role or group has no inline policy (`userPolicyList`,
 * `rolePolicyList`, `groupPolicyList`). A configuration without the list is not recorded, not a violation.
 */
export const iamNoInlinePolicyCheck: RuleImplementation = {
  ruleName: 'iam-no-inline-policy-check',
  compile: () => (item) => {
    const names = inlinePolicyNames(item);
    if (names === undefined) {
      return NOT_RECORDED;
    }
    return names.length === 0 ? NO_INLINE_POLICY : inlinePolicies(names.join(', '));
  },
};
