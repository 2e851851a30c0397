import type { RuleDefinition } from '../catalog';

/** Built-in rules of IAM users, roles, groups and policies: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const IAM_DEFINITIONS = {
  'iam-user-no-policies-check': {
    identifier: 'IAM_USER_NO_POLICIES_CHECK',
    description: 'IAM users have no managed or inline policies of their own: they get permissions from groups or roles.',
    remediation: "Detach the user's managed policies (DetachUserPolicy) and delete its inline policies (DeleteUserPolicy), granting the same permissions through an IAM group or role.",
    resourceTypes: ['AWS::IAM::User'],
    periodic: false,
    // Security Hub IAM.2, "IAM users should not have IAM policies attached": LOW.
    defaultSeverity: 'LOW',
    parameters: {},
  },
  'iam-policy-no-statements-with-admin-access': {
    identifier: 'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS',
    description: 'Customer managed IAM policies have no Allow statement for every action (*) on every resource (*) in their default version.',
    remediation: 'Replace the Allow * on * statement with the actions and resources needed, in a new default policy version (CreatePolicyVersion with SetAsDefault).',
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
    description: 'IAM users, roles and groups have no inline policies.',
    remediation: 'Move each inline policy into a customer managed policy, attach that (AttachUserPolicy, AttachRolePolicy or AttachGroupPolicy), then delete the inline policy.',
    resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group'],
    periodic: false,
    // No Security Hub control names this rule: LOW, as IAM.2 rates the same concern (policies kept outside managed policies).
    defaultSeverity: 'LOW',
    parameters: {},
  },
  'iam-user-group-membership-check': {
    identifier: 'IAM_USER_GROUP_MEMBERSHIP_CHECK',
    description: 'IAM users are members of at least one IAM group, one of groupNames when that list is given.',
    remediation: 'Add the user to an IAM group (AddUserToGroup), one of the groupNames if the rule lists them.',
    resourceTypes: ['AWS::IAM::User'],
    periodic: false,
    // No Security Hub control names this rule: LOW, as IAM.2 rates users that hold permissions outside groups.
    defaultSeverity: 'LOW',
    // The page's HTML says "Type: String", its Markdown source "Type: CSV": a comma-separated list either way.
    parameters: { groupNames: { type: 'csv' } },
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
