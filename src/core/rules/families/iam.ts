import type { RuleDefinition } from '../catalog';

/** Built-in rules of IAM users, roles, groups and policies: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const IAM_DEFINITIONS = {
  'iam-user-no-policies-check': {
    identifier: 'IAM_USER_NO_POLICIES_CHECK',
    resourceTypes: ['AWS::IAM::User'],
    periodic: false,
    // Security Hub IAM.2, "IAM users should not have IAM policies attached": LOW.
    defaultSeverity: 'LOW',
    parameters: {},
  },
  'iam-policy-no-statements-with-admin-access': {
    identifier: 'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS',
    resourceTypes: ['AWS::IAM::Policy'],
    periodic: false,
    // Security Hub IAM.1, "IAM policies should not allow full "*" administrative privileges": HIGH
    // (the control sets excludePermissionBoundaryPolicy to true).
    defaultSeverity: 'HIGH',
    // On the current page only; the older page had no parameters.
    parameters: { excludePermissionBoundaryPolicy: { type: 'boolean', default: 'false' } },
  },
  'iam-no-inline-policy-check': {
    identifier: 'IAM_NO_INLINE_POLICY_CHECK',
    resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group'],
    periodic: false,
    // No Security Hub control names this rule: LOW, as IAM.2 rates the same concern (policies kept outside managed policies).
    defaultSeverity: 'LOW',
    parameters: {},
  },
  'iam-user-group-membership-check': {
    identifier: 'IAM_USER_GROUP_MEMBERSHIP_CHECK',
    resourceTypes: ['AWS::IAM::User'],
    periodic: false,
    // No Security Hub control names this rule: LOW, as IAM.2 rates users that hold permissions outside groups.
    defaultSeverity: 'LOW',
    // The page's HTML says "Type: String", its Markdown source "Type: CSV": a comma-separated list either way.
    parameters: { groupNames: { type: 'csv' } },
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
