import { ComplianceChange } from '../../src/core/findings/compliance-change';

/** A new violation of restricted-ssh by a security group, as the handlers read it from Config. */
export const SSH_VIOLATION: ComplianceChange = {
  configRuleName: 'restricted-ssh-test',
  resourceType: 'AWS::EC2::SecurityGroup',
  resourceId: 'sg-1',
  awsAccountId: '123456789012',
  awsRegion: 'eu-west-1',
  newComplianceType: 'NON_COMPLIANT',
  recordedAt: '2026-11-23T10:00:00.000Z',
};
