import type { RuleDefinition } from '../catalog';

/** Built-in rules of RDS instances and snapshots: public access, availability, protection, monitoring, encryption, IAM authentication: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const RDS_DEFINITIONS = {
  'rds-instance-public-access-check': {
    identifier: 'RDS_INSTANCE_PUBLIC_ACCESS_CHECK',
    description: 'RDS DB instances are not publicly accessible (PubliclyAccessible is false).',
    remediation: "Set the instance's PubliclyAccessible to false (ModifyDBInstance, console Connectivity: Public access No). The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.2, "RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible AWS Configuration": CRITICAL.
    defaultSeverity: 'CRITICAL',
    fix: 'DISABLE_RDS_PUBLIC_ACCESS',
    parameters: {},
  },
  'rds-multi-az-support': {
    identifier: 'RDS_MULTI_AZ_SUPPORT',
    description: 'RDS DB instances run as Multi-AZ deployments; Aurora, DocumentDB and Neptune instances are not judged.',
    remediation: 'Convert the instance to a Multi-AZ deployment (ModifyDBInstance with MultiAZ true, console Availability and durability).',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.5, "RDS DB instances should be configured with multiple Availability Zones": MEDIUM.
    defaultSeverity: 'MEDIUM',
    parameters: {},
  },
  'rds-instance-deletion-protection-enabled': {
    identifier: 'RDS_INSTANCE_DELETION_PROTECTION_ENABLED',
    description: 'RDS DB instances have deletion protection on (only the databaseEngines engines when given); instances in a DB cluster are not judged.',
    remediation: 'Turn on deletion protection for the instance (ModifyDBInstance DeletionProtection true); for an instance in a DB cluster, set it on the cluster (ModifyDBCluster).',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.8, "RDS DB instances should have deletion protection enabled": LOW (the control
    // sets its own databaseEngines list; the managed rule has no default).
    defaultSeverity: 'LOW',
    parameters: { databaseEngines: { type: 'csv' } },
  },
  'rds-automatic-minor-version-upgrade-enabled': {
    identifier: 'RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED',
    description: 'RDS DB instances have automatic minor version upgrades on (AutoMinorVersionUpgrade is not false).',
    remediation: 'Set AutoMinorVersionUpgrade to true on the instance (ModifyDBInstance, console Maintenance: Auto minor version upgrade).',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.13, "RDS automatic minor version upgrades should be enabled": HIGH.
    defaultSeverity: 'HIGH',
    parameters: {},
  },
  'rds-enhanced-monitoring-enabled': {
    identifier: 'RDS_ENHANCED_MONITORING_ENABLED',
    description: 'RDS DB instances have Enhanced Monitoring on (interval above 0 seconds), at the monitoringInterval interval when one is given.',
    remediation: 'Turn on Enhanced Monitoring (ModifyDBInstance MonitoringInterval with a MonitoringRoleArn) at the interval the rule names: 1, 5, 10, 15, 30 or 60 seconds.',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.6, "Enhanced monitoring should be configured for RDS DB instances": LOW.
    defaultSeverity: 'LOW',
    // Seconds; the page's valid values are 1, 5, 10, 15, 30 and 60, and it gives no default.
    parameters: { monitoringInterval: { type: 'int' } },
  },
  'rds-snapshots-public-prohibited': {
    identifier: 'RDS_SNAPSHOTS_PUBLIC_PROHIBITED',
    description: 'RDS DB snapshots and DB cluster snapshots are not public: their restore attribute does not list "all".',
    remediation: 'Take "all" out of the restore attribute of the snapshot (ModifyDBSnapshotAttribute or ModifyDBClusterSnapshotAttribute, ValuesToRemove all); share it with named accounts instead.',
    resourceTypes: ['AWS::RDS::DBSnapshot', 'AWS::RDS::DBClusterSnapshot'],
    periodic: false,
    // Security Hub RDS.1, "RDS snapshot should be private": CRITICAL.
    defaultSeverity: 'CRITICAL',
    parameters: {},
  },
  'rds-snapshot-encrypted': {
    identifier: 'RDS_SNAPSHOT_ENCRYPTED',
    description: 'RDS DB snapshots and DB cluster snapshots are encrypted at rest.',
    remediation: 'Copy the snapshot with a KMS key (CopyDBSnapshot or CopyDBClusterSnapshot with KmsKeyId) and delete the unencrypted one; encrypt the source database so new snapshots are encrypted.',
    resourceTypes: ['AWS::RDS::DBSnapshot', 'AWS::RDS::DBClusterSnapshot'],
    periodic: false,
    // Security Hub RDS.4, "RDS cluster snapshots and database snapshots should be encrypted at rest": MEDIUM.
    defaultSeverity: 'MEDIUM',
    parameters: {},
  },
  'rds-instance-iam-authentication-enabled': {
    identifier: 'RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED',
    description: 'RDS DB instances of MySQL, PostgreSQL and Aurora engines have IAM database authentication on; other engines are not judged.',
    remediation: 'Turn on IAM database authentication for the instance (ModifyDBInstance EnableIAMDatabaseAuthentication true, console Database authentication).',
    resourceTypes: ['AWS::RDS::DBInstance'],
    periodic: false,
    // Security Hub RDS.10, "IAM authentication should be configured for RDS instances": MEDIUM.
    defaultSeverity: 'MEDIUM',
    parameters: {},
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
