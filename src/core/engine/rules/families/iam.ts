import { IAM_DEFINITIONS } from '../../../rules/families/iam';
import { RuleImplementation } from '../../types';
import { iamNoInlinePolicyCheck } from '../iam-no-inline-policy-check';
import { iamPolicyNoStatementsWithAdminAccess } from '../iam-policy-no-statements-with-admin-access';
import { iamUserGroupMembershipCheck } from '../iam-user-group-membership-check';
import { iamUserNoPoliciesCheck } from '../iam-user-no-policies-check';

/** The engine's implementation of each rule of {@link IAM_DEFINITIONS}, by rule name. */
export const IAM_RULES: Readonly<Record<keyof typeof IAM_DEFINITIONS, RuleImplementation>> = {
  'iam-user-no-policies-check': iamUserNoPoliciesCheck,
  'iam-policy-no-statements-with-admin-access': iamPolicyNoStatementsWithAdminAccess,
  'iam-no-inline-policy-check': iamNoInlinePolicyCheck,
  'iam-user-group-membership-check': iamUserGroupMembershipCheck,
};
