import { ComplianceMonitorProps, ComplianceRule, Exemption, RuleSet } from '../src';

/**
 * The example app's monitor: the recommended rules, with remediation for every rule that has a fix
 * and an exemption by tag. The integration test deploys it; the cdk-nag test checks it.
 */
export function exampleMonitorProps(environmentSuffix: string): ComplianceMonitorProps {
  const fixable = ['s3-bucket-server-side-encryption-enabled', 'db-instance-backup-enabled', 'ec2-imdsv2-check', 'restricted-ssh', 'restricted-common-ports'];
  return {
    environmentSuffix,
    alertEmails: ['secops@example.com'],
    rules: RuleSet.recommended().withoutRules(...fixable).withRules(
      ComplianceRule.s3BucketServerSideEncryption({ autoRemediate: true }),
      ComplianceRule.rdsBackupEnabled({ backupRetentionMinimum: 7, autoRemediate: true }),
      ComplianceRule.ec2Imdsv2({ autoRemediate: true }),
      ComplianceRule.restrictedSsh({
        autoRemediate: true,
        exemptions: [Exemption.ofTag('compliance-exempt', 'bastion', { reason: 'RISK-42: bastion hosts are reachable over SSH', expires: '2027-06-30' })],
      }),
      ComplianceRule.restrictedCommonPorts({ autoRemediate: true }),
    ),
  };
}
