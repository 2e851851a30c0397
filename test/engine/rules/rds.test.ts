import { EXIT_NON_COMPLIANT } from '../../../cli/main';
import { evaluate, toConfigurationItem } from '../../../src/core/engine';
import { runCli, scratchDirectory } from '../../support/cli';
import { configurationItem, fixture, invokingEventItem } from '../../support/fixtures';

/**
 * The RDS rules against their current AWS Config Developer Guide pages, on the real items of
 * test/fixtures (see test/fixtures/PROVENANCE.md), changed only where a case needs it.
 */

/** The RDK sample instance, get-resource-config-history's 1.2 shape (accountId, arn): mysql, creating, multiAZ, public, monitoring every 60 s. */
const RDK_RDS = fixture('configuration-items/rdk-example-AWS_RDS_DBInstance.json');
/** A rule invocation's instance (1.3 keys): postgres, available, public, single-AZ, monitoring off, no IAM authentication, no deletionProtection recorded. */
const RDS_EVENT = invokingEventItem('configuration-items/AWS-RDS-DBInstance.rule-event.json');
/**
 * A select-resource-config result: a manual mysql DB snapshot, unencrypted, shared with named
 * accounts. The query selected no resourceType, which the engine needs to know the item: added.
 */
const DB_SNAPSHOT = {
  resourceType: 'AWS::RDS::DBSnapshot',
  ...JSON.parse(fixture('configuration-items/AWS-RDS-DBSnapshot.select-resource-config.json').data.Results[0]),
};
/** The RDK sample cluster snapshot (accountId, arn; configuration an object): encrypted, restore attribute empty. */
const CLUSTER_SNAPSHOT = fixture('configuration-items/AWS-RDS-DBClusterSnapshot.json');
/** get-resource-config-history's cluster snapshot: configuration and DBClusterSnapshotAttributes are JSON text. */
const CLUSTER_HISTORY = fixture('configuration-items/AWS-RDS-DBClusterSnapshot.history.json').data.configurationItems[0];

/** The item with configuration fields replaced (undefined removes one), in the item's own shape: object or JSON text. */
function withConfiguration(item: any, changes: Record<string, unknown>): any {
  const asText = typeof item.configuration === 'string';
  const configuration = { ...(asText ? JSON.parse(item.configuration) : item.configuration), ...changes };
  return { ...item, configuration: asText ? JSON.stringify(configuration) : configuration };
}

/** The snapshot with other supplementary attributes under `key`, as JSON text when the item holds them so. */
function withAttributes(item: any, key: string, attributes: unknown): any {
  const asText = typeof item.supplementaryConfiguration[key] === 'string';
  return { ...item, supplementaryConfiguration: { ...item.supplementaryConfiguration, [key]: asText ? JSON.stringify(attributes) : attributes } };
}

const PUBLIC_RESTORE = [{ attributeName: 'restore', attributeValues: ['all'] }];

describe('rds-instance-public-access-check', () => {
  test.each([
    ['publiclyAccessible true (invocation item)', RDS_EVENT, 'NON_COMPLIANT', 'Instance is publicly accessible'],
    ['publiclyAccessible true (RDK history item)', RDK_RDS, 'NON_COMPLIANT', 'Instance is publicly accessible'],
    ['publiclyAccessible false', withConfiguration(RDS_EVENT, { publiclyAccessible: false }), 'COMPLIANT', 'Instance is not publicly accessible'],
    ['publiclyAccessible not recorded: not judged', withConfiguration(RDK_RDS, { publiclyAccessible: undefined }), 'NOT_APPLICABLE',
      'Public accessibility (publiclyAccessible) not recorded'],
  ])('%s', (_, item, complianceType, annotation) => {
    expect(evaluate(item, { ruleName: 'rds-instance-public-access-check' })).toEqual({ complianceType, annotation });
  });
});

describe('rds-multi-az-support', () => {
  test.each([
    ['a Multi-AZ mysql instance (RDK history item)', RDK_RDS, 'COMPLIANT', 'Multi-AZ deployment is enabled'],
    ['a single-AZ postgres instance (invocation item)', RDS_EVENT, 'NON_COMPLIANT', 'Multi-AZ deployment is not enabled'],
    ['a read replica: the page makes no exception for it', withConfiguration(RDS_EVENT, { readReplicaSourceDBInstanceIdentifier: 'source-db' }),
      'NON_COMPLIANT', 'Multi-AZ deployment is not enabled'],
    ['multiAZ not recorded is not high availability', withConfiguration(RDS_EVENT, { multiAZ: undefined }), 'NON_COMPLIANT',
      'Multi-AZ deployment is not enabled'],
    ['no engine recorded: judged on multiAZ', withConfiguration(RDK_RDS, { engine: undefined }), 'COMPLIANT', 'Multi-AZ deployment is enabled'],
    ['an Aurora PostgreSQL instance is excluded', withConfiguration(RDS_EVENT, { engine: 'aurora-postgresql' }), 'NOT_APPLICABLE',
      'Engine aurora-postgresql is not evaluated (the rule excludes Aurora, DocumentDB and Neptune instances)'],
    ['an Aurora instance (engine aurora) is excluded', withConfiguration(RDS_EVENT, { engine: 'aurora' }), 'NOT_APPLICABLE',
      'Engine aurora is not evaluated (the rule excludes Aurora, DocumentDB and Neptune instances)'],
    ['a DocumentDB instance is excluded', withConfiguration(RDS_EVENT, { engine: 'docdb' }), 'NOT_APPLICABLE',
      'Engine docdb is not evaluated (the rule excludes Aurora, DocumentDB and Neptune instances)'],
    ['a Neptune instance is excluded (current page only)', withConfiguration(RDS_EVENT, { engine: 'neptune' }), 'NOT_APPLICABLE',
      'Engine neptune is not evaluated (the rule excludes Aurora, DocumentDB and Neptune instances)'],
  ])('%s', (_, item, complianceType, annotation) => {
    expect(evaluate(item, { ruleName: 'rds-multi-az-support' })).toEqual({ complianceType, annotation });
  });
});

describe('rds-instance-deletion-protection-enabled', () => {
  const rule = (parameters: Record<string, string> = {}) => ({ ruleName: 'rds-instance-deletion-protection-enabled', parameters });
  const protectedEvent = withConfiguration(RDS_EVENT, { deletionProtection: true });

  test.each([
    ['an item recorded before the setting existed (no deletionProtection)', RDS_EVENT, {}, 'NON_COMPLIANT', 'Deletion protection is not enabled'],
    ['the RDK history item, without the setting', RDK_RDS, {}, 'NON_COMPLIANT', 'Deletion protection is not enabled'],
    ['deletionProtection false', withConfiguration(RDS_EVENT, { deletionProtection: false }), {}, 'NON_COMPLIANT', 'Deletion protection is not enabled'],
    ['deletionProtection true', protectedEvent, {}, 'COMPLIANT', 'Deletion protection is enabled'],
    ['an instance of a DB cluster: set on the cluster, so not applicable',
      withConfiguration(RDS_EVENT, { engine: 'aurora-postgresql', dBClusterIdentifier: 'database-1' }), {}, 'NOT_APPLICABLE',
      'Instance of DB cluster database-1: deletion protection is set on the cluster'],
    ['databaseEngines without the engine', RDS_EVENT, { databaseEngines: 'mysql, mariadb' }, 'NOT_APPLICABLE', 'Engine postgres is not one of databaseEngines'],
    ['databaseEngines with the engine, written in another case', RDK_RDS, { databaseEngines: 'MySQL, mariadb' }, 'NON_COMPLIANT',
      'Deletion protection is not enabled'],
    ['databaseEngines with the engine, protection on', protectedEvent, { databaseEngines: 'mysql,postgres' }, 'COMPLIANT', 'Deletion protection is enabled'],
    ['databaseEngines, no engine recorded', withConfiguration(RDS_EVENT, { engine: undefined }), { databaseEngines: 'postgres' }, 'NOT_APPLICABLE',
      'Engine not recorded, so not one of databaseEngines'],
    ['no databaseEngines, no engine recorded: judged', withConfiguration(protectedEvent, { engine: undefined }), {}, 'COMPLIANT',
      'Deletion protection is enabled'],
  ])('%s', (_, item, parameters, complianceType, annotation) => {
    expect(evaluate(item, rule(parameters))).toEqual({ complianceType, annotation });
  });
});

describe('rds-automatic-minor-version-upgrade-enabled', () => {
  test.each([
    ['enabled (RDK history item)', RDK_RDS, 'COMPLIANT', 'Automatic minor version upgrade is enabled'],
    ['enabled (invocation item)', RDS_EVENT, 'COMPLIANT', 'Automatic minor version upgrade is enabled'],
    ['autoMinorVersionUpgrade false', withConfiguration(RDS_EVENT, { autoMinorVersionUpgrade: false }), 'NON_COMPLIANT',
      'Automatic minor version upgrade is disabled'],
    ['not recorded: not judged', withConfiguration(RDS_EVENT, { autoMinorVersionUpgrade: undefined }), 'NOT_APPLICABLE',
      'Automatic minor version upgrade (autoMinorVersionUpgrade) not recorded'],
  ])('%s', (_, item, complianceType, annotation) => {
    expect(evaluate(item, { ruleName: 'rds-automatic-minor-version-upgrade-enabled' })).toEqual({ complianceType, annotation });
  });
});

describe('rds-enhanced-monitoring-enabled', () => {
  const INVALID = 'Parameter monitoringInterval 7 is not a valid interval (1, 5, 10, 15, 30 or 60 seconds), so the rule cannot check it';

  test.each([
    ['monitoring every 60 seconds (RDK history item)', RDK_RDS, {}, 'COMPLIANT', 'Enhanced monitoring is enabled every 60 seconds'],
    ['monitoringInterval 0 (invocation item)', RDS_EVENT, {}, 'NON_COMPLIANT', 'Enhanced monitoring is disabled (monitoringInterval 0)'],
    ['the interval the parameter asks for', RDK_RDS, { monitoringInterval: '60' }, 'COMPLIANT', 'Enhanced monitoring is enabled every 60 seconds'],
    ['another interval than the parameter', RDK_RDS, { monitoringInterval: '30' }, 'NON_COMPLIANT', 'Enhanced monitoring interval is 60 seconds, not 30'],
    ['an interval written as text, as history items write numbers', withConfiguration(RDK_RDS, { monitoringInterval: '15' }), { monitoringInterval: '15' },
      'COMPLIANT', 'Enhanced monitoring is enabled every 15 seconds'],
    ['a parameter outside the valid values is not checked', RDK_RDS, { monitoringInterval: '7' }, 'NOT_APPLICABLE', INVALID],
    ['disabled monitoring is a violation whatever the parameter', RDS_EVENT, { monitoringInterval: '7' }, 'NON_COMPLIANT',
      'Enhanced monitoring is disabled (monitoringInterval 0)'],
    ['monitoringInterval not recorded', withConfiguration(RDK_RDS, { monitoringInterval: undefined }), {}, 'NOT_APPLICABLE',
      'Enhanced monitoring interval (monitoringInterval) not recorded'],
  ])('%s', (_, item, parameters, complianceType, annotation) => {
    expect(evaluate(item, { ruleName: 'rds-enhanced-monitoring-enabled', parameters })).toEqual({ complianceType, annotation });
  });
});

describe('rds-snapshots-public-prohibited', () => {
  test.each([
    ['a DB snapshot shared with named accounts is not public (select-resource-config)', DB_SNAPSHOT, 'COMPLIANT', 'Snapshot is not public'],
    ['a DB snapshot whose restore attribute lists all', withAttributes(DB_SNAPSHOT, 'DBSnapshotAttributes', PUBLIC_RESTORE), 'NON_COMPLIANT',
      'Snapshot is public (its restore attribute includes all)'],
    ['a private cluster snapshot (RDK sample)', CLUSTER_SNAPSHOT, 'COMPLIANT', 'Snapshot is not public'],
    ['a private cluster snapshot, attributes as JSON text (history item)', CLUSTER_HISTORY, 'COMPLIANT', 'Snapshot is not public'],
    ['a public cluster snapshot, attributes as JSON text (history item)', withAttributes(CLUSTER_HISTORY, 'DBClusterSnapshotAttributes', PUBLIC_RESTORE),
      'NON_COMPLIANT', 'Snapshot is public (its restore attribute includes all)'],
    ['all under another attribute than restore is not public', withAttributes(CLUSTER_SNAPSHOT, 'DBClusterSnapshotAttributes',
      [null, { attributeName: 'other', attributeValues: ['all'] }]), 'COMPLIANT', 'Snapshot is not public'],
    ['the DB snapshot attributes under a cluster snapshot key are not read', withAttributes(DB_SNAPSHOT, 'DBClusterSnapshotAttributes', PUBLIC_RESTORE),
      'COMPLIANT', 'Snapshot is not public'],
    ['no attributes recorded', { ...CLUSTER_SNAPSHOT, supplementaryConfiguration: { Tags: [] } }, 'NOT_APPLICABLE', 'Snapshot attributes not recorded'],
  ])('%s', (_, item, complianceType, annotation) => {
    expect(evaluate(item, { ruleName: 'rds-snapshots-public-prohibited' })).toEqual({ complianceType, annotation });
  });

  test('a history item is read in the 1.3 shape: its attribute list decoded from JSON text', () => {
    expect(toConfigurationItem(CLUSTER_HISTORY)?.supplementaryConfiguration.DBClusterSnapshotAttributes).toEqual([{ attributeName: 'restore', attributeValues: [] }]);
  });
});

describe('rds-snapshot-encrypted', () => {
  test.each([
    ['an unencrypted DB snapshot (encrypted false)', DB_SNAPSHOT, 'NON_COMPLIANT', 'Snapshot is not encrypted'],
    ['an encrypted DB snapshot', withConfiguration(DB_SNAPSHOT, { encrypted: true }), 'COMPLIANT', 'Snapshot is encrypted'],
    ['a DB snapshot is not judged on storageEncrypted', withConfiguration(DB_SNAPSHOT, { storageEncrypted: true }), 'NON_COMPLIANT', 'Snapshot is not encrypted'],
    ['an encrypted cluster snapshot (storageEncrypted true, RDK sample)', CLUSTER_SNAPSHOT, 'COMPLIANT', 'Snapshot is encrypted'],
    ['an encrypted cluster snapshot, configuration as JSON text (history item)', CLUSTER_HISTORY, 'COMPLIANT', 'Snapshot is encrypted'],
    ['an unencrypted cluster snapshot', withConfiguration(CLUSTER_HISTORY, { storageEncrypted: false }), 'NON_COMPLIANT', 'Snapshot is not encrypted'],
  ])('%s', (_, item, complianceType, annotation) => {
    expect(evaluate(item, { ruleName: 'rds-snapshot-encrypted' })).toEqual({ complianceType, annotation });
  });
});

describe('rds-instance-iam-authentication-enabled', () => {
  const OTHER_ENGINE = (engine: string) => `Engine ${engine} is not evaluated (only mysql, postgres, aurora, aurora-mysql and aurora-postgresql)`;
  const OTHER_STATUS = (status: string) => `Instance status ${status} is not evaluated (only available, backing-up, storage-optimization and storage-full)`;

  test.each([
    ['an available postgres instance without IAM authentication', RDS_EVENT, 'NON_COMPLIANT', 'IAM database authentication is not enabled'],
    ['with IAM authentication', withConfiguration(RDS_EVENT, { iAMDatabaseAuthenticationEnabled: true }), 'COMPLIANT',
      'IAM database authentication is enabled'],
    ['an Aurora MySQL instance backing up, with IAM authentication',
      withConfiguration(RDS_EVENT, { engine: 'aurora-mysql', dBInstanceStatus: 'backing-up', iAMDatabaseAuthenticationEnabled: true }),
      'COMPLIANT', 'IAM database authentication is enabled'],
    ['an instance still creating (RDK history item)', RDK_RDS, 'NOT_APPLICABLE', OTHER_STATUS('creating')],
    ['no status recorded', withConfiguration(RDS_EVENT, { dBInstanceStatus: undefined }), 'NOT_APPLICABLE', OTHER_STATUS('not recorded')],
    ['a mariadb instance (not on the current page)', withConfiguration(RDS_EVENT, { engine: 'mariadb' }), 'NOT_APPLICABLE', OTHER_ENGINE('mariadb')],
    ['no engine recorded', withConfiguration(RDS_EVENT, { engine: undefined }), 'NOT_APPLICABLE', OTHER_ENGINE('not recorded')],
  ])('%s', (_, item, complianceType, annotation) => {
    expect(evaluate(item, { ruleName: 'rds-instance-iam-authentication-enabled' })).toEqual({ complianceType, annotation });
  });
});

describe('scope: instance rules and snapshot rules', () => {
  test('a snapshot rule does not judge an instance, nor an instance rule a snapshot', () => {
    expect(evaluate(RDS_EVENT, { ruleName: 'rds-snapshot-encrypted' })).toEqual({
      complianceType: 'NOT_APPLICABLE', annotation: 'AWS::RDS::DBInstance is not evaluated by rds-snapshot-encrypted',
    });
    expect(evaluate(configurationItem('AWS::RDS::DBSnapshot', { encrypted: true }), { ruleName: 'rds-multi-az-support' })).toEqual({
      complianceType: 'NOT_APPLICABLE', annotation: 'AWS::RDS::DBSnapshot is not evaluated by rds-multi-az-support',
    });
  });
});

describe('the CLI over a snapshot of the RDS items, with a rules file of the family under AWS names', () => {
  const scratch = scratchDirectory('rds-rules-');

  test('every rule judges its items', async () => {
    const snapshot = scratch.write('snapshot.json', { configurationItems: [RDK_RDS, RDS_EVENT, DB_SNAPSHOT, CLUSTER_SNAPSHOT, CLUSTER_HISTORY] });
    const rules = scratch.write('rules.json', {
      rules: [
        { name: 'rds-instance-public-access-check' },
        { name: 'rds-multi-az-support' },
        { name: 'rds-instance-deletion-protection-enabled', parameters: { databaseEngines: 'mysql,postgres' } },
        { name: 'rds-automatic-minor-version-upgrade-enabled' },
        { name: 'rds-enhanced-monitoring-enabled', parameters: { monitoringInterval: '60' } },
        { name: 'rds-snapshots-public-prohibited' },
        { name: 'rds-snapshot-encrypted' },
        { name: 'rds-instance-iam-authentication-enabled' },
      ],
    });
    const { code, report } = await runCli(['evaluate', '--rules', rules, snapshot]);
    expect(code).toBe(EXIT_NON_COMPLIANT);
    const rdk = 'AWS::RDS::DBInstance db-HHTTSRD6HXUIKXPFPI6WFVZ4PA';
    const event = 'AWS::RDS::DBInstance db-KOCU7UR74VM3AC4R3H2UXX7PE4';
    expect(report.evaluations.map((e: any) => `${e.configRuleName} ${e.resourceType} ${e.resourceId} ${e.complianceType}`).sort()).toEqual([
      `rds-automatic-minor-version-upgrade-enabled ${rdk} COMPLIANT`,
      `rds-automatic-minor-version-upgrade-enabled ${event} COMPLIANT`,
      `rds-enhanced-monitoring-enabled ${rdk} COMPLIANT`,
      `rds-enhanced-monitoring-enabled ${event} NON_COMPLIANT`,
      `rds-instance-deletion-protection-enabled ${rdk} NON_COMPLIANT`,
      `rds-instance-deletion-protection-enabled ${event} NON_COMPLIANT`,
      `rds-instance-iam-authentication-enabled ${rdk} NOT_APPLICABLE`,
      `rds-instance-iam-authentication-enabled ${event} NON_COMPLIANT`,
      `rds-instance-public-access-check ${rdk} NON_COMPLIANT`,
      `rds-instance-public-access-check ${event} NON_COMPLIANT`,
      `rds-multi-az-support ${rdk} COMPLIANT`,
      `rds-multi-az-support ${event} NON_COMPLIANT`,
      'rds-snapshot-encrypted AWS::RDS::DBClusterSnapshot rds:database-1-2020-05-19-05-58 COMPLIANT',
      'rds-snapshot-encrypted AWS::RDS::DBClusterSnapshot test COMPLIANT',
      'rds-snapshot-encrypted AWS::RDS::DBSnapshot testing NON_COMPLIANT',
      'rds-snapshots-public-prohibited AWS::RDS::DBClusterSnapshot rds:database-1-2020-05-19-05-58 COMPLIANT',
      'rds-snapshots-public-prohibited AWS::RDS::DBClusterSnapshot test COMPLIANT',
      'rds-snapshots-public-prohibited AWS::RDS::DBSnapshot testing COMPLIANT',
    ]);
  });
});
