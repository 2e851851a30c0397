import { inlinePolicyNames, policyNames } from './iam-no-inline-policy-check';
import { RuleImplementation } from '../types';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const NO_POLICY = compliant('No policy is attached to the user');
const NOT_RECORDED = notApplicable('Inline or attached managed policies not recorded');
const policiesAttached = sharedVerdicts((policies: string) => nonCompliant(`Policies attached to the user (${policies})`));

/**
 * IAM_USER_NO_POLICIES_CHECK: no policy is attached to the user, managed (`attachedManagedPolicies`)
 * or inline (`userPolicyList`): users inherit their permissions from groups or roles. Inline ones
 * count: Security Hub's IAM.2, on this rule, exempts the users Amazon SES creates because they
 * have inline policies. The older page said NONCOMPLIANT "if there is at least one IAM user with
 * policies attached"; the current one judges each user, as this does.
 */
export const iamUserNoPoliciesCheck: RuleImplementation = {
  ruleName: 'iam-user-no-policies-check',
  compile: () => (item) => {
    const inline = inlinePolicyNames(item);
    const managedList = item.configuration.attachedManagedPolicies;
    const managed = Array.isArray(managedList) ? policyNames(managedList) : undefined;
    const attachedPolicies: string[] = [];
    if (inline?.length) {
      attachedPolicies.push(`inline: ${inline.join(', ')}`);
    }
    if (managed?.length) {
      attachedPolicies.push(`managed: ${managed.join(', ')}`);
    }
    if (attachedPolicies.length > 0) {
      return policiesAttached(attachedPolicies.join('; '));
    }
    return inline && managed ? NO_POLICY : NOT_RECORDED;
  },
};
