import type { RuleDefinition } from '../catalog';

/** Built-in rules of RDS instances and snapshots: public access, availability, protection, monitoring, encryption, IAM authentication: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const RDS_DEFINITIONS = {
  'rds-instance-public-access-check': {
    identifier: 'RDS_INSTANCE_PUBLIC_ACCESS_CHECK',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.2, "RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible AWS Configuration": CRITICAL.
    defaultSeverity: 'CRITICAL',
    fix: 'DISABLE_RDS_PUBLIC_ACCESS',
    parameters: {},
  },
  'rds-multi-az-support': {
    identifier: 'RDS_MULTI_AZ_SUPPORT',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.5, "RDS DB instances should be configured with multiple Availability Zones": MEDIUM.
    defaultSeverity: 'MEDIUM',
    parameters: {},
  },
  'rds-instance-deletion-protection-enabled': {
    identifier: 'RDS_INSTANCE_DELETION_PROTECTION_ENABLED',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.8, "RDS DB instances should have deletion protection enabled": LOW (the control
    // sets its own databaseEngines list; the managed rule has no default).
    defaultSeverity: 'LOW',
    parameters: { databaseEngines: { type: 'csv' } },
  },
  'rds-automatic-minor-version-upgrade-enabled': {
    identifier: 'RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.13, "RDS automatic minor version upgrades should be enabled": HIGH.
    defaultSeverity: 'HIGH',
    parameters: {},
  },
  'rds-enhanced-monitoring-enabled': {
    identifier: 'RDS_ENHANCED_MONITORING_ENABLED',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.6, "Enhanced monitoring should be configured for RDS DB instances": LOW.
    defaultSeverity: 'LOW',
    // Seconds; the page's valid values are 1, 5, 10, 15, 30 and 60, and it gives no default.
    parameters: { monitoringInterval: { type: 'int' } },
  },
  'rds-snapshots-public-prohibited': {
    identifier: 'RDS_SNAPSHOTS_PUBLIC_PROHIBITED',
    resourceTypes: ['AWS::RDS::DBSnapshot', 'AWS::RDS::DBClusterSnapshot'],
    periodic: false,
    // Security Hub RDS.1, "RDS snapshot should be private": CRITICAL.
    defaultSeverity: 'CRITICAL',
    parameters: {},
  },
  'rds-snapshot-encrypted': {
    identifier: 'RDS_SNAPSHOT_ENCRYPTED',
    resourceTypes: ['AWS::RDS::DBSnapshot', 'AWS::RDS::DBClusterSnapshot'],
    periodic: false,
    // Security Hub RDS.4, "RDS cluster snapshots and database snapshots should be encrypted at rest": MEDIUM.
    defaultSeverity: 'MEDIUM',
    parameters: {},
  },
  'rds-instance-iam-authentication-enabled': {
    identifier: 'RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.10, "IAM authentication should be configured for RDS instances": MEDIUM.
    defaultSeverity: 'MEDIUM',
    parameters: {},
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
