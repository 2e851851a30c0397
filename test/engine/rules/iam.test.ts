import { EXIT_NON_COMPLIANT } from '../../../cli/main';
import { evaluate, toConfigurationItem } from '../../../src/core/engine';
import { runCli, scratchDirectory } from '../../support/cli';
import { fixture, invokingEventItem } from '../../support/fixtures';

/**
 * The IAM rules against their current AWS Config Developer Guide pages, on the real items of
 * test/fixtures (see test/fixtures/PROVENANCE.md), changed only where a case needs it.
 */

/** Rule invocations' 1.3 items: `configuration` an object, policy documents URL-encoded JSON text. */
const USER_EVENT = invokingEventItem('configuration-items/AWS-IAM-User.json');
const POLICY_EVENT = invokingEventItem('configuration-items/AWS-IAM-Policy.json');
const ROLE_EVENT = invokingEventItem('configuration-items/AWS-IAM-Role.json');
const GROUP_EVENT = invokingEventItem('configuration-items/AWS-IAM-Group.json');
/** get-resource-config-history items (accountId, arn): `configuration` is JSON text. */
const USER_HISTORY = fixture('configuration-items/AWS-IAM-User.history.json').configurationItems[0];
const POLICY_HISTORY = fixture('configuration-items/AWS-IAM-Policy.history.json').configurationItems[0];
const GROUP_HISTORY = fixture('configuration-items/AWS-IAM-Group.history.json').configurationItems[0];
/** The RDK's hand-sanitised samples: documents shown decoded; the policy records no permissionsBoundaryUsageCount. */
const USER_RDK = fixture('configuration-items/AWS-IAM-User.rdk-example.json');
const POLICY_RDK = fixture('configuration-items/AWS-IAM-Policy.rdk-example.json');

/** The item with configuration fields replaced (undefined removes one), in the item's own shape: object or JSON text. */
function withConfiguration(item: any, changes: Record<string, unknown>): any {
  const asText = typeof item.configuration === 'string';
  const configuration = { ...(asText ? JSON.parse(item.configuration) : item.configuration), ...changes };
  return { ...item, configuration: asText ? JSON.stringify(configuration) : configuration };
}

function configurationOf(item: any): any {
  return typeof item.configuration === 'string' ? JSON.parse(item.configuration) : item.configuration;
}

/** The policy with its default version's document replaced, URL-encoded as Config records it unless `raw`. */
function withDefaultDocument(item: any, document: unknown, raw = false): any {
  const policyVersionList = configurationOf(item).policyVersionList.map((version: any) => (version.isDefaultVersion
    ? { ...version, document: raw ? document : encodeURIComponent(JSON.stringify(document)) }
    : version));
  return withConfiguration(item, { policyVersionList });
}

const policyOf = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const ADMIN_STATEMENT = { Sid: 'VisualEditor', Effect: 'Allow', Action: '*', Resource: '*' };

describe('iam-user-no-policies-check', () => {
  const rule = { ruleName: 'iam-user-no-policies-check' };
  const HISTORY_MANAGED = ['5', '6', '2', '3', '7', '4', '9', '1', '0', '8'].map((n) => `Policy6144-${n}`).join(', ');

  test.each([
    ['an inline policy (invocation item)', USER_EVENT, 'NON_COMPLIANT', 'Policies attached to the user (inline: MyInlinePolicy)'],
    ['inline and managed policies (history item, configuration as JSON text)', USER_HISTORY, 'NON_COMPLIANT',
      `Policies attached to the user (inline: InlinePolicy; managed: ${HISTORY_MANAGED})`],
    ['inline and managed policies, AdministratorAccess among them (RDK sample)', USER_RDK, 'NON_COMPLIANT',
      'Policies attached to the user (inline: policygen-johndoe-201611060951; managed: ELB-policy, AdministratorAccess, ' +
      'config-role-ap-northeast-1_AWSConfigDeliveryPermissions_ap-northeast-1)'],
    ['no inline and no managed policy', withConfiguration(USER_EVENT, { userPolicyList: [] }), 'COMPLIANT', 'No policy is attached to the user'],
    ['no policy, history item', withConfiguration(USER_HISTORY, { userPolicyList: [], attachedManagedPolicies: [] }), 'COMPLIANT',
      'No policy is attached to the user'],
    ['managed policies only, named by ARN where the entry has no name', withConfiguration(USER_EVENT, {
      userPolicyList: [], attachedManagedPolicies: [{ policyName: 'ReadOnlyAccess' }, { policyArn: 'arn:aws:iam::aws:policy/IAMUserChangePassword' }, {}],
    }), 'NON_COMPLIANT', 'Policies attached to the user (managed: ReadOnlyAccess, arn:aws:iam::aws:policy/IAMUserChangePassword, (unnamed))'],
    ['a managed policy, inline policies not recorded', withConfiguration(USER_RDK, { userPolicyList: undefined }), 'NON_COMPLIANT',
      'Policies attached to the user (managed: ELB-policy, AdministratorAccess, config-role-ap-northeast-1_AWSConfigDeliveryPermissions_ap-northeast-1)'],
    ['inline policies not recorded, no managed one', withConfiguration(USER_EVENT, { userPolicyList: undefined }), 'NOT_APPLICABLE',
      'Inline or attached managed policies not recorded'],
    ['managed policies not recorded, no inline one', withConfiguration(USER_EVENT, { userPolicyList: [], attachedManagedPolicies: undefined }),
      'NOT_APPLICABLE', 'Inline or attached managed policies not recorded'],
  ])('%s', (_, item, complianceType, annotation) => {
    expect(evaluate(item, rule)).toEqual({ complianceType, annotation });
  });

  test('a history item converted by toConfigurationItem is judged as it is given', () => {
    const converted = toConfigurationItem(USER_HISTORY)!;
    expect(converted.configuration.userName).toBe('Matt-Test-User');
    expect(evaluate(converted, rule)).toEqual(evaluate(USER_HISTORY, rule));
  });
});

describe('iam-no-inline-policy-check', () => {
  const rule = { ruleName: 'iam-no-inline-policy-check' };

  test.each([
    ['a user with an inline policy (userPolicyList)', USER_EVENT, 'NON_COMPLIANT', 'Inline policies: MyInlinePolicy'],
    ['a user with an inline policy, history item', USER_HISTORY, 'NON_COMPLIANT', 'Inline policies: InlinePolicy'],
    ['a user with an inline policy, RDK sample', USER_RDK, 'NON_COMPLIANT', 'Inline policies: policygen-johndoe-201611060951'],
    ['a role with an inline policy (rolePolicyList)', ROLE_EVENT, 'NON_COMPLIANT', 'Inline policies: MyPolicy'],
    ['a group with an inline policy (groupPolicyList)', GROUP_EVENT, 'NON_COMPLIANT', 'Inline policies: MyInlinePolicy'],
    ['a group with an inline policy, history item', GROUP_HISTORY, 'NON_COMPLIANT', 'Inline policies: InlinePolicy'],
    ['a group with two inline policies', withConfiguration(GROUP_EVENT, {
      groupPolicyList: [...GROUP_EVENT.configuration.groupPolicyList, { policyName: 'Second', policyDocument: '%7B%7D' }],
    }), 'NON_COMPLIANT', 'Inline policies: MyInlinePolicy, Second'],
    ['a role without inline policies, its managed ones aside', withConfiguration(ROLE_EVENT, {
      rolePolicyList: [], attachedManagedPolicies: [{ policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
    }), 'COMPLIANT', 'No inline policy'],
    ['a group without inline policies, history item', withConfiguration(GROUP_HISTORY, { groupPolicyList: [] }), 'COMPLIANT', 'No inline policy'],
    ['a user without inline policies', withConfiguration(USER_EVENT, { userPolicyList: [] }), 'COMPLIANT', 'No inline policy'],
    ['a role whose inline policies are not recorded', withConfiguration(ROLE_EVENT, { rolePolicyList: undefined }), 'NOT_APPLICABLE',
      'Inline policies not recorded'],
  ])('%s', (_, item, complianceType, annotation) => {
    expect(evaluate(item, rule)).toEqual({ complianceType, annotation });
  });

  test('a resource type given in place of the rule scope, with no inline policy list, is not recorded', () => {
    expect(evaluate(POLICY_EVENT, { ...rule, resourceTypes: ['AWS::IAM::Policy'] })).toEqual({
      complianceType: 'NOT_APPLICABLE', annotation: 'Inline policies not recorded',
    });
  });
});

describe('iam-user-group-membership-check', () => {
  const rule = (parameters: Record<string, string> = {}) => ({ ruleName: 'iam-user-group-membership-check', parameters });
  const HISTORY_GROUPS = ['2', '1', '7', '9', '3', '5', '8', '0', '4', '6'].map((n) => `MyGroup${n}`).join(', ');

  test.each([
    ['a user in no group (invocation item)', USER_EVENT, {}, 'NON_COMPLIANT', 'User is a member of no IAM group'],
    ['a user in ten groups (history item)', USER_HISTORY, {}, 'COMPLIANT', `Member of ${HISTORY_GROUPS}`],
    ['a user in one group (RDK sample)', USER_RDK, {}, 'COMPLIANT', 'Member of MyTestGroup'],
    ['a member of one of groupNames, whatever the case', USER_RDK, { groupNames: 'Admins, mytestgroup' }, 'COMPLIANT',
      'Member of MyTestGroup, one of groupNames'],
    ['a member of groups, none of them in groupNames', USER_HISTORY, { groupNames: 'Admins,Developers' }, 'NON_COMPLIANT',
      `Member of ${HISTORY_GROUPS}, none of groupNames (Admins, Developers)`],
    ['a user in no group, with groupNames', USER_EVENT, { groupNames: 'Admins' }, 'NON_COMPLIANT', 'User is a member of no IAM group'],
    ['group membership not recorded', withConfiguration(USER_EVENT, { groupList: undefined }), {}, 'NOT_APPLICABLE', 'Group membership not recorded'],
  ])('%s', (_, item, parameters, complianceType, annotation) => {
    expect(evaluate(item, rule(parameters))).toEqual({ complianceType, annotation });
  });
});

describe('iam-policy-no-statements-with-admin-access', () => {
  const rule = (parameters: Record<string, string> = {}) => ({ ruleName: 'iam-policy-no-statements-with-admin-access', parameters });
  const ADMIN_V2 = { complianceType: 'NON_COMPLIANT', annotation: 'Default version v2 has a statement that allows Action "*" on Resource "*"' };
  const COMPLIANT_V2 = { complianceType: 'COMPLIANT', annotation: 'No statement of default version v2 allows Action "*" on Resource "*"' };
  const adminEvent = withDefaultDocument(POLICY_EVENT, policyOf(ADMIN_STATEMENT));

  test.each([
    ['the default version v2 of the invocation item, URL-encoded', POLICY_EVENT, 'COMPLIANT',
      'No statement of default version v2 allows Action "*" on Resource "*"'],
    ['the history item (configuration as JSON text): config:* on * is not every action', POLICY_HISTORY, 'COMPLIANT',
      'No statement of default version v1 allows Action "*" on Resource "*"'],
    ['the RDK sample, its document shown decoded', POLICY_RDK, 'COMPLIANT', 'No statement of default version v1 allows Action "*" on Resource "*"'],
  ])('%s', (_, item, complianceType, annotation) => {
    expect(evaluate(item, rule())).toEqual({ complianceType, annotation });
  });

  test('the page NON_COMPLIANT example as the default version, a single statement object', () => {
    expect(evaluate(withDefaultDocument(POLICY_EVENT, { Version: '2012-10-17', Statement: ADMIN_STATEMENT }), rule())).toEqual(ADMIN_V2);
    expect(evaluate(adminEvent, rule())).toEqual(ADMIN_V2);
  });

  test('only the default version counts: admin access in the other version v1 is COMPLIANT', () => {
    const policyVersionList = POLICY_EVENT.configuration.policyVersionList.map((version: any) => (version.isDefaultVersion
      ? version
      : { ...version, document: encodeURIComponent(JSON.stringify(policyOf(ADMIN_STATEMENT))) }));
    expect(evaluate(withConfiguration(POLICY_EVENT, { policyVersionList }), rule())).toEqual(COMPLIANT_V2);
  });

  test('Action and Resource as lists holding "*", among other statements, in a history item', () => {
    const document = policyOf(
      { Effect: 'Allow', Action: ['s3:ListAllMyBuckets'], Resource: 'arn:aws:s3:::*' },
      { Effect: 'Allow', Action: ['ec2:DescribeInstances', '*'], Resource: ['arn:aws:s3:::bucket', '*'] },
    );
    expect(evaluate(withDefaultDocument(POLICY_HISTORY, document), rule())).toEqual({
      complianceType: 'NON_COMPLIANT', annotation: 'Default version v1 has a statement that allows Action "*" on Resource "*"',
    });
  });

  test('a Condition does not make the statement another: the page makes no exception for it', () => {
    const conditioned = { ...ADMIN_STATEMENT, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } };
    expect(evaluate(withDefaultDocument(POLICY_EVENT, policyOf(conditioned)), rule())).toEqual(ADMIN_V2);
  });

  test.each([
    ['the page COMPLIANT example, service:* on *', { ...ADMIN_STATEMENT, Action: 'service:*' }],
    ['Deny of * on *', { ...ADMIN_STATEMENT, Effect: 'Deny' }],
    ['* on one bucket only', { ...ADMIN_STATEMENT, Resource: 'arn:aws:s3:::bucket/*' }],
    ['NotAction, which the page does not name', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }],
    ['NotResource in place of Resource', { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::bucket' }],
  ])('%s is COMPLIANT', (_, statement) => {
    expect(evaluate(withDefaultDocument(POLICY_EVENT, policyOf(statement)), rule())).toEqual(COMPLIANT_V2);
  });

  test('the decoded shape of the RDK sample with admin access is read too', () => {
    expect(evaluate(withDefaultDocument(POLICY_RDK, [policyOf(ADMIN_STATEMENT)], true), rule())).toEqual({
      complianceType: 'NON_COMPLIANT', annotation: 'Default version v1 has a statement that allows Action "*" on Resource "*"',
    });
  });

  describe('excludePermissionBoundaryPolicy', () => {
    const asBoundary = (item: any, count: number) => withConfiguration(item, { permissionsBoundaryUsageCount: count });
    const EXCLUDED = { complianceType: 'NOT_APPLICABLE', annotation: 'Used as a permissions boundary, which excludePermissionBoundaryPolicy excludes' };

    test.each([
      ['true: a policy used as a permissions boundary is not evaluated, admin access or not', asBoundary(adminEvent, 2), 'true', EXCLUDED],
      ['true: likewise in a history item', asBoundary(POLICY_HISTORY, 1), 'true', EXCLUDED],
      ['true: a policy used as no permissions boundary (count 0, as recorded) is evaluated', adminEvent, 'true', ADMIN_V2],
      ['false: a permissions boundary is evaluated', asBoundary(adminEvent, 2), 'false', ADMIN_V2],
      ['absent: the default, false', asBoundary(adminEvent, 2), undefined, ADMIN_V2],
    ])('%s', (_, item, exclude, verdict) => {
      expect(evaluate(item, rule(exclude === undefined ? {} : { excludePermissionBoundaryPolicy: exclude }))).toEqual(verdict);
    });

    test('true on an item without permissionsBoundaryUsageCount (the RDK sample): NOT_APPLICABLE where the exclusion would decide, never a guess', () => {
      const exclude = rule({ excludePermissionBoundaryPolicy: 'true' });
      expect(evaluate(withDefaultDocument(POLICY_RDK, [policyOf(ADMIN_STATEMENT)], true), exclude)).toEqual({
        complianceType: 'NOT_APPLICABLE',
        annotation: 'The default version allows Action "*" on Resource "*", but the item does not record whether the policy is used as a ' +
          'permissions boundary (permissionsBoundaryUsageCount), which excludePermissionBoundaryPolicy needs',
      });
      expect(evaluate(POLICY_RDK, exclude)).toEqual({ complianceType: 'COMPLIANT', annotation: 'No statement of default version v1 allows Action "*" on Resource "*"' });
    });
  });

  test('an AWS managed policy, in any partition, is not evaluated: the rule evaluates customer managed policies only', () => {
    for (const arn of ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws-cn:iam::aws:policy/AdministratorAccess']) {
      expect(evaluate(withConfiguration(adminEvent, { arn }), rule())).toEqual({
        complianceType: 'NOT_APPLICABLE', annotation: 'AWS managed policy: the rule evaluates customer managed policies only',
      });
    }
  });

  test('no version marked as the default is NOT_APPLICABLE, not recorded', () => {
    const policyVersionList = POLICY_EVENT.configuration.policyVersionList.map((version: any) => ({ ...version, isDefaultVersion: false }));
    expect(evaluate(withConfiguration(POLICY_EVENT, { policyVersionList }), rule())).toEqual({
      complianceType: 'NOT_APPLICABLE', annotation: 'No default policy version recorded',
    });
    expect(evaluate(withConfiguration(POLICY_EVENT, { policyVersionList: undefined }), rule()).annotation).toBe('No default policy version recorded');
  });

  test.each([
    ['text that is not URL-encoded', '%E0%A4%A'],
    ['text that is not JSON', encodeURIComponent('Version: 2012-10-17')],
    ['JSON that is not a document', encodeURIComponent('42')],
    ['a decoded list with a value that is not a document', ['not a document']],
    ['no document', undefined],
  ])('a default version document that is %s is NOT_APPLICABLE', (_, document) => {
    expect(evaluate(withDefaultDocument(POLICY_EVENT, document, true), rule())).toEqual({
      complianceType: 'NOT_APPLICABLE', annotation: 'The document of default version v2 is not a readable policy document',
    });
  });
});

describe('the CLI over a snapshot of the IAM items, with a rules file of the family under AWS names', () => {
  const scratch = scratchDirectory('iam-rules-');

  test('every rule judges its items', async () => {
    const snapshot = scratch.write('snapshot.json', { configurationItems: [USER_EVENT, USER_RDK, POLICY_EVENT, POLICY_RDK, adminPolicy(), ROLE_EVENT, GROUP_EVENT] });
    const rules = scratch.write('rules.json', {
      rules: [
        { name: 'iam-user-no-policies-check' },
        { name: 'iam-policy-no-statements-with-admin-access', parameters: { excludePermissionBoundaryPolicy: 'true' } },
        { name: 'iam-no-inline-policy-check' },
        { name: 'iam-user-group-membership-check', parameters: { groupNames: 'MyTestGroup' } },
      ],
    });
    const { code, report } = await runCli(['evaluate', '--rules', rules, snapshot]);
    expect(code).toBe(EXIT_NON_COMPLIANT);
    expect(report.evaluations.map((e: any) => `${e.configRuleName} ${e.resourceType} ${e.resourceId} ${e.complianceType}`).sort()).toEqual([
      'iam-no-inline-policy-check AWS::IAM::Group AGPAABCDEFGHIJKLMNOPQ NON_COMPLIANT',
      'iam-no-inline-policy-check AWS::IAM::Role AROAABCDEFGHIJKLMNOPQ NON_COMPLIANT',
      'iam-no-inline-policy-check AWS::IAM::User AIDAABCDEFGHIJKLMNOPQ NON_COMPLIANT',
      'iam-no-inline-policy-check AWS::IAM::User AIDAILEDWOGIPJFAKOJKW NON_COMPLIANT',
      'iam-policy-no-statements-with-admin-access AWS::IAM::Policy ANPAABCDEFGHIJKLMNOPQ COMPLIANT',
      'iam-policy-no-statements-with-admin-access AWS::IAM::Policy ANPAIJWML3NX3NT6UAGO4 COMPLIANT',
      'iam-policy-no-statements-with-admin-access AWS::IAM::Policy admin-policy NON_COMPLIANT',
      'iam-user-group-membership-check AWS::IAM::User AIDAABCDEFGHIJKLMNOPQ NON_COMPLIANT',
      'iam-user-group-membership-check AWS::IAM::User AIDAILEDWOGIPJFAKOJKW COMPLIANT',
      'iam-user-no-policies-check AWS::IAM::User AIDAABCDEFGHIJKLMNOPQ NON_COMPLIANT',
      'iam-user-no-policies-check AWS::IAM::User AIDAILEDWOGIPJFAKOJKW NON_COMPLIANT',
    ]);
  });

  /** The invocation's policy, as another resource, with the page's NON_COMPLIANT statement in its default version. */
  function adminPolicy(): any {
    return { ...withDefaultDocument(POLICY_EVENT, policyOf(ADMIN_STATEMENT)), resourceId: 'admin-policy', resourceName: 'AdminPolicy' };
  }
});
