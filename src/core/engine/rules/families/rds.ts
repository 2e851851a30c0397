import { RDS_DEFINITIONS } from '../../../rules/families/rds';
import { RuleImplementation } from '../../types';
import { rdsAutomaticMinorVersionUpgradeEnabled } from '../rds-automatic-minor-version-upgrade-enabled';
import { rdsEnhancedMonitoringEnabled } from '../rds-enhanced-monitoring-enabled';
import { rdsInstanceDeletionProtectionEnabled } from '../rds-instance-deletion-protection-enabled';
import { rdsInstanceIamAuthenticationEnabled } from '../rds-instance-iam-authentication-enabled';
import { rdsInstancePublicAccessCheck } from '../rds-instance-public-access-check';
import { rdsMultiAzSupport } from '../rds-multi-az-support';
import { rdsSnapshotEncrypted } from '../rds-snapshot-encrypted';
import { rdsSnapshotsPublicProhibited } from '../rds-snapshots-public-prohibited';

/** The engine's implementation of each rule of {@link RDS_DEFINITIONS}, by rule name. */
export const RDS_RULES: Readonly<Record<keyof typeof RDS_DEFINITIONS, RuleImplementation>> = {
  'rds-instance-public-access-check': rdsInstancePublicAccessCheck,
  'rds-multi-az-support': rdsMultiAzSupport,
  'rds-instance-deletion-protection-enabled': rdsInstanceDeletionProtectionEnabled,
  'rds-automatic-minor-version-upgrade-enabled': rdsAutomaticMinorVersionUpgradeEnabled,
  'rds-enhanced-monitoring-enabled': rdsEnhancedMonitoringEnabled,
  'rds-snapshots-public-prohibited': rdsSnapshotsPublicProhibited,
  'rds-snapshot-encrypted': rdsSnapshotEncrypted,
  'rds-instance-iam-authentication-enabled': rdsInstanceIamAuthenticationEnabled,
};
