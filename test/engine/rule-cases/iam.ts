import type { RuleCases } from './rule-case';
import { fixture, invokingEventItem } from '../../support/fixtures';

/** For each rule of src/core/rules/families/iam.ts: a real item in its scope that it judges (not NOT_APPLICABLE), and the parameters it needs. */
export const IAM_CASES: RuleCases = {
  'iam-user-no-policies-check': [invokingEventItem('configuration-items/AWS-IAM-User.json'), {}],
  'iam-policy-no-statements-with-admin-access': [invokingEventItem('configuration-items/AWS-IAM-Policy.json'), { excludePermissionBoundaryPolicy: 'true' }],
  'iam-no-inline-policy-check': [invokingEventItem('configuration-items/AWS-IAM-Role.json'), {}],
  'iam-user-group-membership-check': [fixture('configuration-items/AWS-IAM-User.rdk-example.json'), { groupNames: 'MyTestGroup' }],
};
