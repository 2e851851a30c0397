import { BuiltInFrameworkId } from './frameworks';
import { SourceId } from './sources';
import { BuiltInRuleName } from '../rules/catalog';

/** A rule's mapping to one control, with the sources that state it. */
export interface ControlMapping {
  readonly control: string;
  readonly sources: readonly SourceId[];
  /** Kept because a cited source states it, where a more authoritative one maps the rule elsewhere: not a default control. */
  readonly alternative?: boolean;
}

export type RuleControlMappings = Partial<Record<BuiltInFrameworkId, readonly ControlMapping[]>>;

/**
 * Each built-in rule's controls, by framework, as the cited sources map them (`sources.ts`; how
 * each was read is in docs/FRAMEWORKS.md). A rule a framework's sources do not map has no entry for it.
 */
export const RULE_CONTROLS: Readonly<Record<BuiltInRuleName, RuleControlMappings>> = {
  's3-bucket-server-side-encryption-enabled': {
    NIST_800_53_R5: [
      { control: 'AU-9', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'AU-9(2)', sources: ['securityhub-s3-controls-archived-2023'] },
      { control: 'AU-9(7)', sources: ['securityhub-s3-controls-archived-2023'] },
      { control: 'CA-9(1)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'CM-3(6)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(10)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'SC-13', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'SC-28', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'SC-28(1)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'SI-7(6)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
    ],
  },
  's3-default-encryption-kms': {
    SOC2: [
      { control: 'PI1.4', sources: ['prowler-soc2', 'prowler-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '3.5.1', sources: ['securityhub-s3-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'AU-9', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'CA-9(1)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'CM-3(6)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(10)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-12(2)', sources: ['securityhub-s3-controls'] },
      { control: 'SC-13', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-28', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-28(1)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-7(6)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'S3.17', sources: ['securityhub-s3-controls'] },
    ],
  },
  's3-bucket-versioning-enabled': {
    SOC2: [
      { control: 'A1.2', sources: ['prowler-soc2', 'prowler-fsbp'] },
      { control: 'C1.2', sources: ['prowler-soc2', 'prowler-fsbp'] },
      { control: 'CC7.4', sources: ['prowler-soc2', 'prowler-fsbp'] },
      { control: 'PI1.5', sources: ['prowler-soc2', 'prowler-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '10.3.4', sources: ['doc-pci-dss-v4-incl-global'] },
    ],
    NIST_800_53_R5: [
      { control: 'AU-9(2)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-6', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-6(1)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-6(2)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-9', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-10', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-5(2)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-12', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-13(5)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'S3.14', sources: ['securityhub-s3-controls'] },
    ],
  },
  'rds-storage-encrypted': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'PI1.5', sources: ['prowler-soc2', 'prowler-fsbp'], alternative: true },
    ],
    NIST_800_53_R5: [
      { control: 'CA-9(1)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'CM-3(6)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(10)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-13', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-28', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-28(1)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-7(6)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
    ],
    CIS_AWS: [
      { control: '2.2.1', sources: ['securityhub-rds-controls', 'prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'RDS.3', sources: ['securityhub-rds-controls'] },
    ],
  },
  'db-instance-backup-enabled': {
    SOC2: [
      { control: 'A1.2', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
      { control: 'CC7.4', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '10.3.3', sources: ['doc-pci-dss-v4-incl-global'] },
    ],
    NIST_800_53_R5: [
      { control: 'CP-6', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-6(1)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-6(2)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-9', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-10', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-5(2)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-12', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-13(5)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'RDS.11', sources: ['securityhub-rds-controls'] },
    ],
  },
  'ec2-imdsv2-check': {
    SOC2: [
      { control: 'CC7.2', sources: ['prowler-soc2', 'prowler-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '2.2.6', sources: ['securityhub-ec2-controls'] },
      { control: '8.2.8', sources: ['doc-pci-dss-v4-incl-global'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-3', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-3(7)', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-3(15)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-6', sources: ['securityhub-ec2-controls'] },
    ],
    CIS_AWS: [
      { control: '5.7', sources: ['securityhub-ec2-controls', 'prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'EC2.8', sources: ['securityhub-ec2-controls'] },
    ],
  },
  'required-tags': {},
  'desired-instance-type': {},
  'restricted-ssh': {
    SOC2: [
      { control: 'CC6.6', sources: ['prowler-soc2', 'prowler-fsbp'] },
      { control: 'CC7.2', sources: ['prowler-soc2', 'prowler-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '1.2.8', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '1.3.1', sources: ['securityhub-ec2-controls', 'doc-pci-dss-v4-incl-global'] },
      { control: '1.3.2', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '1.4.2', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '1.5.1', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: 'A1.1.3', sources: ['doc-pci-dss-v4-incl-global'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-4', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-4(21)', sources: ['securityhub-ec2-controls'] },
      { control: 'CM-7', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(5)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(11)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(16)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(21)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
    ],
    CIS_AWS: [
      { control: '5.3', sources: ['prowler-cis50'] },
      { control: '5.4', sources: ['prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'EC2.13', sources: ['securityhub-ec2-controls'] },
    ],
  },
  'restricted-common-ports': {
    SOC2: [
      { control: 'CC6.6', sources: ['prowler-soc2', 'prowler-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '1.3.1', sources: ['securityhub-ec2-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-4', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-4(21)', sources: ['securityhub-ec2-controls'] },
      { control: 'CA-9(1)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'CM-2', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'CM-2(2)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'CM-7', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(5)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(11)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(16)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(21)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
    ],
    CIS_AWS: [
      { control: '5.3', sources: ['prowler-cis50'] },
      { control: '5.4', sources: ['prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'EC2.19', sources: ['securityhub-ec2-controls'] },
    ],
  },
  'vpc-sg-open-only-to-authorized-ports': {
    NIST_800_53_R5: [
      { control: 'AC-4', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-4(21)', sources: ['securityhub-ec2-controls'] },
      { control: 'SC-7', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(5)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(11)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(16)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(21)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'EC2.18', sources: ['securityhub-ec2-controls'] },
    ],
  },
  'encrypted-volumes': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'PI1.5', sources: ['prowler-soc2', 'prowler-fsbp'], alternative: true },
    ],
    NIST_800_53_R5: [
      { control: 'CA-9(1)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'CM-3(6)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(10)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-13', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-28', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-28(1)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-7(6)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
    ],
    CIS_AWS: [
      { control: '5.1.1', sources: ['prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'EC2.3', sources: ['securityhub-ec2-controls'] },
    ],
  },
  's3-bucket-level-public-access-prohibited': {
    PCI_DSS_4: [
      { control: '1.4.4', sources: ['securityhub-s3-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-3', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-3(7)', sources: ['securityhub-s3-controls'] },
      { control: 'AC-4', sources: ['securityhub-s3-controls'] },
      { control: 'AC-4(21)', sources: ['securityhub-s3-controls'] },
      { control: 'AC-6', sources: ['securityhub-s3-controls'] },
      { control: 'AC-21', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(3)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(9)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(11)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(16)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(20)', sources: ['securityhub-s3-controls'] },
      { control: 'SC-7(21)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
    ],
    CIS_AWS: [
      { control: '2.1.4', sources: ['securityhub-s3-controls', 'prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'S3.8', sources: ['securityhub-s3-controls'] },
    ],
  },
  's3-bucket-ssl-requests-only': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '4.2.1', sources: ['securityhub-s3-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-4', sources: ['securityhub-s3-controls'] },
      { control: 'AC-17(2)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'IA-5(1)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-8', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-8(1)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-8(2)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-12(3)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-13', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-23', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-23(3)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-7(6)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
    ],
    CIS_AWS: [
      { control: '2.1.1', sources: ['securityhub-s3-controls', 'prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'S3.5', sources: ['securityhub-s3-controls'] },
    ],
  },
  's3-bucket-logging-enabled': {
    SOC2: [
      { control: 'A1.2', sources: ['prowler-soc2', 'prowler-fsbp'], alternative: true },
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC7.2', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
      { control: 'CC7.3', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '10.2.1', sources: ['securityhub-s3-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-2(4)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-4(26)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-6(9)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-2', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-3', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-6(3)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-6(4)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-10', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-12', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'CA-7', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(9)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-3(8)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-4(20)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-7(8)', sources: ['securityhub-s3-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'S3.9', sources: ['securityhub-s3-controls'] },
    ],
  },
  's3-bucket-replication-enabled': {
    NIST_800_53_R5: [
      { control: 'AU-9(2)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'CP-6', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'CP-6(1)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'CP-6(2)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'CP-9', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'CP-10', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'SC-5(2)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'SC-36(2)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
      { control: 'SI-13(5)', sources: ['securityhub-s3-controls-archived-2023', 'doc-nist-800-53-r5'] },
    ],
  },
  'rds-instance-public-access-check': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
      { control: 'CC6.6', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '1.4.4', sources: ['securityhub-rds-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-3', sources: ['doc-nist-800-53-r5'] },
      { control: 'AC-4', sources: ['securityhub-rds-controls'] },
      { control: 'AC-4(21)', sources: ['securityhub-rds-controls'] },
      { control: 'AC-21', sources: ['doc-nist-800-53-r5'] },
      { control: 'SC-7', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(3)', sources: ['doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(5)', sources: ['securityhub-rds-controls'] },
      { control: 'SC-7(9)', sources: ['doc-nist-800-53-r5'] },
      { control: 'SC-7(11)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(16)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(21)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
    ],
    CIS_AWS: [
      { control: '2.2.3', sources: ['securityhub-rds-controls', 'prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'RDS.2', sources: ['securityhub-rds-controls'] },
    ],
  },
  'rds-multi-az-support': {
    NIST_800_53_R5: [
      { control: 'CP-6(2)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-10', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-5(2)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-36', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-13(5)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
    ],
    CIS_AWS: [
      { control: '2.2.4', sources: ['securityhub-rds-controls', 'prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'RDS.5', sources: ['securityhub-rds-controls'] },
    ],
  },
  'rds-instance-deletion-protection-enabled': {
    SOC2: [
      { control: 'C1.1', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
    ],
    NIST_800_53_R5: [
      { control: 'CM-3', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-5(2)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-13(5)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'RDS.8', sources: ['securityhub-rds-controls'] },
    ],
  },
  'rds-automatic-minor-version-upgrade-enabled': {
    PCI_DSS_4: [
      { control: '6.3.3', sources: ['securityhub-rds-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'SI-2', sources: ['securityhub-rds-controls'] },
      { control: 'SI-2(2)', sources: ['securityhub-rds-controls'] },
      { control: 'SI-2(4)', sources: ['securityhub-rds-controls'] },
      { control: 'SI-2(5)', sources: ['securityhub-rds-controls'] },
    ],
    CIS_AWS: [
      { control: '2.2.2', sources: ['securityhub-rds-controls', 'prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'RDS.13', sources: ['securityhub-rds-controls'] },
    ],
  },
  'rds-enhanced-monitoring-enabled': {
    NIST_800_53_R5: [
      { control: 'CA-7', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-2', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'RDS.6', sources: ['securityhub-rds-controls'] },
    ],
  },
  'rds-snapshots-public-prohibited': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.6', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-3', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-3(7)', sources: ['securityhub-rds-controls'] },
      { control: 'AC-4', sources: ['securityhub-rds-controls'] },
      { control: 'AC-4(21)', sources: ['securityhub-rds-controls'] },
      { control: 'AC-6', sources: ['securityhub-rds-controls'] },
      { control: 'AC-21', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(3)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(9)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(11)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(16)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(20)', sources: ['securityhub-rds-controls'] },
      { control: 'SC-7(21)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'RDS.1', sources: ['securityhub-rds-controls'] },
    ],
  },
  'rds-snapshot-encrypted': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
    ],
    NIST_800_53_R5: [
      { control: 'CA-9(1)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'CM-3(6)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(10)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-13', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-28', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-28(1)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-7(6)', sources: ['securityhub-rds-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'RDS.4', sources: ['securityhub-rds-controls'] },
    ],
  },
  'rds-instance-iam-authentication-enabled': {
    SOC2: [
      { control: 'CC1.3', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '7.2.1', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '7.2.2', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '7.2.5', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '7.3.1', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '7.3.2', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '7.3.3', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '8.2.7', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '8.2.8', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '8.3.4', sources: ['doc-pci-dss-v4-incl-global'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-2(1)', sources: ['securityhub-rds-controls'] },
      { control: 'AC-3', sources: ['securityhub-rds-controls'] },
      { control: 'AC-3(7)', sources: ['securityhub-rds-controls'] },
      { control: 'AC-3(15)', sources: ['securityhub-rds-controls'] },
      { control: 'AC-6', sources: ['securityhub-rds-controls'] },
    ],
    AWS_FSBP: [
      { control: 'RDS.10', sources: ['securityhub-rds-controls'] },
    ],
  },
  'ec2-instance-no-public-ip': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.6', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-3', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-3(7)', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-4', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-4(21)', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-6', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-21', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(3)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(9)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(11)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(16)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(20)', sources: ['securityhub-ec2-controls'] },
      { control: 'SC-7(21)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'EC2.9', sources: ['securityhub-ec2-controls'] },
    ],
  },
  'ec2-instance-profile-attached': {
    PCI_DSS_4: [
      { control: '7.2.1', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '7.2.2', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '7.2.5', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '7.3.1', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '7.3.2', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '7.3.3', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '8.2.7', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '8.2.8', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '8.3.4', sources: ['doc-pci-dss-v4-incl-global'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-3', sources: ['doc-nist-800-53-r5'] },
      { control: 'AC-3(15)', sources: ['doc-nist-800-53-r5'] },
    ],
  },
  'vpc-default-security-group-closed': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.6', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-4', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-4(21)', sources: ['securityhub-ec2-controls'] },
      { control: 'SC-7', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(5)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(11)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(16)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(21)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
    ],
    CIS_AWS: [
      { control: '5.5', sources: ['securityhub-ec2-controls', 'prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'EC2.2', sources: ['securityhub-ec2-controls'] },
    ],
  },
  'ec2-volume-inuse-check': {
    PCI_DSS_4: [
      { control: '3.2.1', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '3.3.1.1', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '3.3.1.3', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '3.3.2', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '3.3.3', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '10.5.1', sources: ['doc-pci-dss-v4-incl-global'] },
    ],
    NIST_800_53_R5: [
      { control: 'CA-9(1)', sources: ['doc-nist-800-53-r5'] },
      { control: 'CM-2', sources: ['doc-nist-800-53-r5'] },
      { control: 'CM-2(2)', sources: ['doc-nist-800-53-r5'] },
    ],
  },
  'subnet-auto-assign-public-ip-disabled': {
    SOC2: [
      { control: 'CC6.6', sources: ['prowler-soc2', 'prowler-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '1.4.4', sources: ['securityhub-ec2-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-3', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-3(7)', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-4', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-4(21)', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-6', sources: ['securityhub-ec2-controls'] },
      { control: 'AC-21', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(3)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(9)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(11)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(16)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(20)', sources: ['securityhub-ec2-controls'] },
      { control: 'SC-7(21)', sources: ['securityhub-ec2-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'EC2.15', sources: ['securityhub-ec2-controls'] },
    ],
  },
  'iam-user-no-policies-check': {
    SOC2: [
      { control: 'CC1.3', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.3', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-2', sources: ['securityhub-iam-controls'] },
      { control: 'AC-2(1)', sources: ['securityhub-iam-controls'] },
      { control: 'AC-3', sources: ['securityhub-iam-controls'] },
      { control: 'AC-3(7)', sources: ['securityhub-iam-controls'] },
      { control: 'AC-3(15)', sources: ['securityhub-iam-controls'] },
      { control: 'AC-6', sources: ['securityhub-iam-controls'] },
      { control: 'AC-6(3)', sources: ['securityhub-iam-controls'] },
    ],
    CIS_AWS: [
      { control: '1.14', sources: ['securityhub-iam-controls'] },
    ],
    AWS_FSBP: [
      { control: 'IAM.2', sources: ['securityhub-iam-controls'] },
    ],
  },
  'iam-policy-no-statements-with-admin-access': {
    SOC2: [
      { control: 'CC1.3', sources: ['prowler-soc2', 'prowler-fsbp'] },
      { control: 'CC6.3', sources: ['prowler-soc2', 'prowler-fsbp'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-2', sources: ['securityhub-iam-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-2(1)', sources: ['securityhub-iam-controls'] },
      { control: 'AC-3', sources: ['securityhub-iam-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-3(7)', sources: ['securityhub-iam-controls'] },
      { control: 'AC-3(15)', sources: ['securityhub-iam-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-5', sources: ['securityhub-iam-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-6', sources: ['securityhub-iam-controls'] },
      { control: 'AC-6(2)', sources: ['securityhub-iam-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-6(3)', sources: ['securityhub-iam-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-6(10)', sources: ['securityhub-iam-controls', 'doc-nist-800-53-r5'] },
    ],
    CIS_AWS: [
      { control: '1.15', sources: ['prowler-cis50'] },
    ],
    AWS_FSBP: [
      { control: 'IAM.1', sources: ['securityhub-iam-controls'] },
    ],
  },
  'iam-no-inline-policy-check': {
    NIST_800_53_R5: [
      { control: 'AC-2', sources: ['doc-nist-800-53-r5'] },
      { control: 'AC-3', sources: ['doc-nist-800-53-r5'] },
      { control: 'AC-3(15)', sources: ['doc-nist-800-53-r5'] },
      { control: 'AC-6(3)', sources: ['doc-nist-800-53-r5'] },
    ],
  },
  'iam-user-group-membership-check': {
    NIST_800_53_R5: [
      { control: 'AC-2', sources: ['doc-nist-800-53-r5'] },
      { control: 'AC-3', sources: ['doc-nist-800-53-r5'] },
      { control: 'AC-3(15)', sources: ['doc-nist-800-53-r5'] },
      { control: 'AC-6(3)', sources: ['doc-nist-800-53-r5'] },
    ],
  },
  'dynamodb-pitr-enabled': {
    SOC2: [
      { control: 'A1.2', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
      { control: 'CC7.4', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '3.2.1', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '3.3.1.1', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '3.3.1.3', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '3.3.2', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '3.3.3', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '10.3.3', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '10.5.1', sources: ['doc-pci-dss-v4-incl-global'] },
    ],
    NIST_800_53_R5: [
      { control: 'CP-6(2)', sources: ['securityhub-dynamodb-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-9', sources: ['securityhub-dynamodb-controls', 'doc-nist-800-53-r5'] },
      { control: 'CP-10', sources: ['securityhub-dynamodb-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-5(2)', sources: ['securityhub-dynamodb-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-12', sources: ['securityhub-dynamodb-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-13(5)', sources: ['securityhub-dynamodb-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'DynamoDB.2', sources: ['securityhub-dynamodb-controls'] },
    ],
  },
  'dynamodb-table-encrypted-kms': {
    PCI_DSS_4: [
      { control: '3.5.1', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '8.3.2', sources: ['doc-pci-dss-v4-incl-global'] },
    ],
    NIST_800_53_R5: [
      { control: 'CA-9(1)', sources: ['doc-nist-800-53-r5'] },
      { control: 'CM-3(6)', sources: ['doc-nist-800-53-r5'] },
      { control: 'SC-7(10)', sources: ['doc-nist-800-53-r5'] },
      { control: 'SC-13', sources: ['doc-nist-800-53-r5'] },
      { control: 'SC-28', sources: ['doc-nist-800-53-r5'] },
      { control: 'SC-28(1)', sources: ['doc-nist-800-53-r5'] },
      { control: 'SI-7(6)', sources: ['doc-nist-800-53-r5'] },
    ],
  },
  'lambda-function-public-access-prohibited': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.6', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '7.2.1', sources: ['securityhub-lambda-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-3', sources: ['securityhub-lambda-controls', 'doc-nist-800-53-r5'] },
      { control: 'AC-3(7)', sources: ['securityhub-lambda-controls'] },
      { control: 'AC-4', sources: ['securityhub-lambda-controls'] },
      { control: 'AC-4(21)', sources: ['securityhub-lambda-controls'] },
      { control: 'AC-6', sources: ['securityhub-lambda-controls'] },
      { control: 'AC-21', sources: ['securityhub-lambda-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7', sources: ['securityhub-lambda-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(3)', sources: ['securityhub-lambda-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(4)', sources: ['securityhub-lambda-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(9)', sources: ['securityhub-lambda-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(11)', sources: ['securityhub-lambda-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(16)', sources: ['securityhub-lambda-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(20)', sources: ['securityhub-lambda-controls'] },
      { control: 'SC-7(21)', sources: ['securityhub-lambda-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'Lambda.1', sources: ['securityhub-lambda-controls'] },
    ],
  },
  'lambda-function-settings-check': {
    PCI_DSS_4: [
      { control: '6.3.3', sources: ['doc-pci-dss-v4-incl-global'] },
      { control: '12.3.4', sources: ['securityhub-lambda-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'CA-9(1)', sources: ['securityhub-lambda-controls'] },
      { control: 'CM-2', sources: ['securityhub-lambda-controls'] },
      { control: 'SI-2', sources: ['securityhub-lambda-controls'] },
      { control: 'SI-2(2)', sources: ['securityhub-lambda-controls'] },
      { control: 'SI-2(4)', sources: ['securityhub-lambda-controls'] },
      { control: 'SI-2(5)', sources: ['securityhub-lambda-controls'] },
    ],
    AWS_FSBP: [
      { control: 'Lambda.2', sources: ['securityhub-lambda-controls'] },
    ],
  },
  'sns-encrypted-kms': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'PI1.4', sources: ['prowler-soc2', 'prowler-fsbp'], alternative: true },
    ],
    NIST_800_53_R5: [
      { control: 'CA-9(1)', sources: ['securityhub-sns-controls', 'doc-nist-800-53-r5'] },
      { control: 'CM-3(6)', sources: ['securityhub-sns-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(10)', sources: ['securityhub-sns-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-13', sources: ['securityhub-sns-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-28', sources: ['securityhub-sns-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-28(1)', sources: ['securityhub-sns-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-7(6)', sources: ['securityhub-sns-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'SNS.1', sources: ['securityhub-sns-controls'] },
    ],
  },
  'secretsmanager-rotation-enabled-check': {
    SOC2: [
      { control: 'CC6.1', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
      { control: 'CC6.2', sources: ['steampipe-soc2', 'steampipe-fsbp'] },
    ],
    PCI_DSS_4: [
      { control: '8.3.9', sources: ['securityhub-secretsmanager-controls'] },
      { control: '8.6.3', sources: ['securityhub-secretsmanager-controls'] },
    ],
    NIST_800_53_R5: [
      { control: 'AC-2(1)', sources: ['securityhub-secretsmanager-controls'] },
      { control: 'AC-3(15)', sources: ['securityhub-secretsmanager-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'SecretsManager.1', sources: ['securityhub-secretsmanager-controls'] },
    ],
  },
  'elb-logging-enabled': {
    SOC2: [
      { control: 'A1.2', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
      { control: 'CC7.2', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
      { control: 'CC7.3', sources: ['steampipe-soc2', 'steampipe-fsbp', 'prowler-soc2', 'prowler-fsbp'] },
      { control: 'PI1.2', sources: ['prowler-soc2', 'prowler-fsbp'], alternative: true },
    ],
    NIST_800_53_R5: [
      { control: 'AC-4(26)', sources: ['securityhub-elb-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-2', sources: ['securityhub-elb-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-3', sources: ['securityhub-elb-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-6(3)', sources: ['securityhub-elb-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-6(4)', sources: ['securityhub-elb-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-10', sources: ['securityhub-elb-controls', 'doc-nist-800-53-r5'] },
      { control: 'AU-12', sources: ['securityhub-elb-controls', 'doc-nist-800-53-r5'] },
      { control: 'CA-7', sources: ['securityhub-elb-controls', 'doc-nist-800-53-r5'] },
      { control: 'SC-7(9)', sources: ['securityhub-elb-controls', 'doc-nist-800-53-r5'] },
      { control: 'SI-7(8)', sources: ['securityhub-elb-controls', 'doc-nist-800-53-r5'] },
    ],
    AWS_FSBP: [
      { control: 'ELB.5', sources: ['securityhub-elb-controls'] },
    ],
  },
};

/** AWS's conformance pack of each framework that has one: where `PACK_PARAMETERS` are read. */
export const PACK_SOURCES: Partial<Record<BuiltInFrameworkId, SourceId>> = { NIST_800_53_R5: 'pack-nist-800-53-r5', PCI_DSS_4: 'pack-pci-dss-v4-incl-global' };

/** The parameters AWS's conformance pack of a framework gives a rule, where it gives any. */
export const PACK_PARAMETERS: Partial<Record<BuiltInFrameworkId, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
  NIST_800_53_R5: {
    'restricted-common-ports': { blockedPort1: '20', blockedPort2: '21', blockedPort3: '3389', blockedPort4: '3306', blockedPort5: '4333' },
    'vpc-sg-open-only-to-authorized-ports': { authorizedTcpPorts: '443' },
  },
  PCI_DSS_4: {
    'ec2-volume-inuse-check': { deleteOnTermination: 'true' },
    'lambda-function-settings-check': { runtime: 'python3.9, java11, java8.al2, nodejs20.x,nodejs18.x,python3.12, python3.11,python3.10,java21,java17,dotnet8,ruby3.3,ruby3.2' },
  },
};
