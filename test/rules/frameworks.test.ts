import { ComplianceRule, Framework, RuleSet } from '../../src';
import { BUILT_IN_FRAMEWORK_IDS, BUILT_IN_FRAMEWORKS, builtInControls, MAPPING_SOURCES, PACK_PARAMETERS, PACK_SOURCES, reportFrameworks, RULE_CONTROLS } from '../../src/core/frameworks';
import { RULE_CATALOG } from '../../src/core/rules/catalog';
import { frameworksSetting } from '../../src/rules/frameworks-setting';
import { synth } from '../support/monitor';

/** Each framework's default controls of each built-in rule, space-separated: a change to the data must change this. */
const FROZEN_CONTROLS: Record<string, Record<string, string>> = {
  SOC2: {
    's3-default-encryption-kms': 'PI1.4',
    's3-bucket-versioning-enabled': 'A1.2 C1.2 CC7.4 PI1.5',
    'rds-storage-encrypted': 'CC6.1 CC6.2',
    'db-instance-backup-enabled': 'A1.2 CC7.4',
    'ec2-imdsv2-check': 'CC7.2',
    'restricted-ssh': 'CC6.6 CC7.2',
    'restricted-common-ports': 'CC6.6',
    'encrypted-volumes': 'CC6.1 CC6.2',
    's3-bucket-ssl-requests-only': 'CC6.1 CC6.2',
    's3-bucket-logging-enabled': 'CC6.1 CC6.2 CC7.2 CC7.3',
    'rds-instance-public-access-check': 'CC6.1 CC6.2 CC6.6',
    'rds-instance-deletion-protection-enabled': 'C1.1',
    'rds-snapshots-public-prohibited': 'CC6.1 CC6.2 CC6.6',
    'rds-snapshot-encrypted': 'CC6.1 CC6.2',
    'rds-instance-iam-authentication-enabled': 'CC1.3',
    'ec2-instance-no-public-ip': 'CC6.1 CC6.2 CC6.6',
    'vpc-default-security-group-closed': 'CC6.1 CC6.2 CC6.6',
    'subnet-auto-assign-public-ip-disabled': 'CC6.6',
    'iam-user-no-policies-check': 'CC1.3 CC6.1 CC6.2 CC6.3',
    'iam-policy-no-statements-with-admin-access': 'CC1.3 CC6.3',
    'dynamodb-pitr-enabled': 'A1.2 CC7.4',
    'lambda-function-public-access-prohibited': 'CC6.1 CC6.2 CC6.6',
    'sns-encrypted-kms': 'CC6.1 CC6.2',
    'secretsmanager-rotation-enabled-check': 'CC6.1 CC6.2',
    'elb-logging-enabled': 'A1.2 CC7.2 CC7.3',
  },
  PCI_DSS_4: {
    's3-default-encryption-kms': '3.5.1',
    's3-bucket-versioning-enabled': '10.3.4',
    'db-instance-backup-enabled': '10.3.3',
    'ec2-imdsv2-check': '2.2.6 8.2.8',
    'restricted-ssh': '1.2.8 1.3.1 1.3.2 1.4.2 1.5.1 A1.1.3',
    'restricted-common-ports': '1.3.1',
    's3-bucket-level-public-access-prohibited': '1.4.4',
    's3-bucket-ssl-requests-only': '4.2.1',
    's3-bucket-logging-enabled': '10.2.1',
    'rds-instance-public-access-check': '1.4.4',
    'rds-automatic-minor-version-upgrade-enabled': '6.3.3',
    'rds-instance-iam-authentication-enabled': '7.2.1 7.2.2 7.2.5 7.3.1 7.3.2 7.3.3 8.2.7 8.2.8 8.3.4',
    'ec2-instance-profile-attached': '7.2.1 7.2.2 7.2.5 7.3.1 7.3.2 7.3.3 8.2.7 8.2.8 8.3.4',
    'ec2-volume-inuse-check': '3.2.1 3.3.1.1 3.3.1.3 3.3.2 3.3.3 10.5.1',
    'subnet-auto-assign-public-ip-disabled': '1.4.4',
    'dynamodb-pitr-enabled': '3.2.1 3.3.1.1 3.3.1.3 3.3.2 3.3.3 10.3.3 10.5.1',
    'dynamodb-table-encrypted-kms': '3.5.1 8.3.2',
    'lambda-function-public-access-prohibited': '7.2.1',
    'lambda-function-settings-check': '6.3.3 12.3.4',
    'secretsmanager-rotation-enabled-check': '8.3.9 8.6.3',
  },
  NIST_800_53_R5: {
    's3-bucket-server-side-encryption-enabled': 'AU-9 AU-9(2) AU-9(7) CA-9(1) CM-3(6) SC-7(10) SC-13 SC-28 SC-28(1) SI-7(6)',
    's3-default-encryption-kms': 'AU-9 CA-9(1) CM-3(6) SC-7(10) SC-12(2) SC-13 SC-28 SC-28(1) SI-7(6)',
    's3-bucket-versioning-enabled': 'AU-9(2) CP-6 CP-6(1) CP-6(2) CP-9 CP-10 SC-5(2) SI-12 SI-13(5)',
    'rds-storage-encrypted': 'CA-9(1) CM-3(6) SC-7(10) SC-13 SC-28 SC-28(1) SI-7(6)',
    'db-instance-backup-enabled': 'CP-6 CP-6(1) CP-6(2) CP-9 CP-10 SC-5(2) SI-12 SI-13(5)',
    'ec2-imdsv2-check': 'AC-3 AC-3(7) AC-3(15) AC-6',
    'restricted-ssh': 'AC-4 AC-4(21) CM-7 SC-7 SC-7(4) SC-7(5) SC-7(11) SC-7(16) SC-7(21)',
    'restricted-common-ports': 'AC-4 AC-4(21) CA-9(1) CM-2 CM-2(2) CM-7 SC-7 SC-7(4) SC-7(5) SC-7(11) SC-7(16) SC-7(21)',
    'vpc-sg-open-only-to-authorized-ports': 'AC-4 AC-4(21) SC-7 SC-7(4) SC-7(5) SC-7(11) SC-7(16) SC-7(21)',
    'encrypted-volumes': 'CA-9(1) CM-3(6) SC-7(10) SC-13 SC-28 SC-28(1) SI-7(6)',
    's3-bucket-level-public-access-prohibited': 'AC-3 AC-3(7) AC-4 AC-4(21) AC-6 AC-21 SC-7 SC-7(3) SC-7(4) SC-7(9) SC-7(11) SC-7(16) SC-7(20) SC-7(21)',
    's3-bucket-ssl-requests-only': 'AC-4 AC-17(2) IA-5(1) SC-7(4) SC-8 SC-8(1) SC-8(2) SC-12(3) SC-13 SC-23 SC-23(3) SI-7(6)',
    's3-bucket-logging-enabled': 'AC-2(4) AC-4(26) AC-6(9) AU-2 AU-3 AU-6(3) AU-6(4) AU-10 AU-12 CA-7 SC-7(9) SI-3(8) SI-4(20) SI-7(8)',
    's3-bucket-replication-enabled': 'AU-9(2) CP-6 CP-6(1) CP-6(2) CP-9 CP-10 SC-5(2) SC-36(2) SI-13(5)',
    'rds-instance-public-access-check': 'AC-3 AC-4 AC-4(21) AC-21 SC-7 SC-7(3) SC-7(4) SC-7(5) SC-7(9) SC-7(11) SC-7(16) SC-7(21)',
    'rds-multi-az-support': 'CP-6(2) CP-10 SC-5(2) SC-36 SI-13(5)',
    'rds-instance-deletion-protection-enabled': 'CM-3 SC-5(2) SI-13(5)',
    'rds-automatic-minor-version-upgrade-enabled': 'SI-2 SI-2(2) SI-2(4) SI-2(5)',
    'rds-enhanced-monitoring-enabled': 'CA-7 SI-2',
    'rds-snapshots-public-prohibited': 'AC-3 AC-3(7) AC-4 AC-4(21) AC-6 AC-21 SC-7 SC-7(3) SC-7(4) SC-7(9) SC-7(11) SC-7(16) SC-7(20) SC-7(21)',
    'rds-snapshot-encrypted': 'CA-9(1) CM-3(6) SC-7(10) SC-13 SC-28 SC-28(1) SI-7(6)',
    'rds-instance-iam-authentication-enabled': 'AC-2(1) AC-3 AC-3(7) AC-3(15) AC-6',
    'ec2-instance-no-public-ip': 'AC-3 AC-3(7) AC-4 AC-4(21) AC-6 AC-21 SC-7 SC-7(3) SC-7(4) SC-7(9) SC-7(11) SC-7(16) SC-7(20) SC-7(21)',
    'ec2-instance-profile-attached': 'AC-3 AC-3(15)',
    'vpc-default-security-group-closed': 'AC-4 AC-4(21) SC-7 SC-7(4) SC-7(5) SC-7(11) SC-7(16) SC-7(21)',
    'ec2-volume-inuse-check': 'CA-9(1) CM-2 CM-2(2)',
    'subnet-auto-assign-public-ip-disabled': 'AC-3 AC-3(7) AC-4 AC-4(21) AC-6 AC-21 SC-7 SC-7(3) SC-7(4) SC-7(9) SC-7(11) SC-7(16) SC-7(20) SC-7(21)',
    'iam-user-no-policies-check': 'AC-2 AC-2(1) AC-3 AC-3(7) AC-3(15) AC-6 AC-6(3)',
    'iam-policy-no-statements-with-admin-access': 'AC-2 AC-2(1) AC-3 AC-3(7) AC-3(15) AC-5 AC-6 AC-6(2) AC-6(3) AC-6(10)',
    'iam-no-inline-policy-check': 'AC-2 AC-3 AC-3(15) AC-6(3)',
    'iam-user-group-membership-check': 'AC-2 AC-3 AC-3(15) AC-6(3)',
    'dynamodb-pitr-enabled': 'CP-6(2) CP-9 CP-10 SC-5(2) SI-12 SI-13(5)',
    'dynamodb-table-encrypted-kms': 'CA-9(1) CM-3(6) SC-7(10) SC-13 SC-28 SC-28(1) SI-7(6)',
    'lambda-function-public-access-prohibited': 'AC-3 AC-3(7) AC-4 AC-4(21) AC-6 AC-21 SC-7 SC-7(3) SC-7(4) SC-7(9) SC-7(11) SC-7(16) SC-7(20) SC-7(21)',
    'lambda-function-settings-check': 'CA-9(1) CM-2 SI-2 SI-2(2) SI-2(4) SI-2(5)',
    'sns-encrypted-kms': 'CA-9(1) CM-3(6) SC-7(10) SC-13 SC-28 SC-28(1) SI-7(6)',
    'secretsmanager-rotation-enabled-check': 'AC-2(1) AC-3(15)',
    'elb-logging-enabled': 'AC-4(26) AU-2 AU-3 AU-6(3) AU-6(4) AU-10 AU-12 CA-7 SC-7(9) SI-7(8)',
  },
  CIS_AWS: {
    'rds-storage-encrypted': '2.2.1',
    'ec2-imdsv2-check': '5.7',
    'restricted-ssh': '5.3 5.4',
    'restricted-common-ports': '5.3 5.4',
    'encrypted-volumes': '5.1.1',
    's3-bucket-level-public-access-prohibited': '2.1.4',
    's3-bucket-ssl-requests-only': '2.1.1',
    'rds-instance-public-access-check': '2.2.3',
    'rds-multi-az-support': '2.2.4',
    'rds-automatic-minor-version-upgrade-enabled': '2.2.2',
    'vpc-default-security-group-closed': '5.5',
    'iam-user-no-policies-check': '1.14',
    'iam-policy-no-statements-with-admin-access': '1.15',
  },
  AWS_FSBP: {
    's3-default-encryption-kms': 'S3.17',
    's3-bucket-versioning-enabled': 'S3.14',
    'rds-storage-encrypted': 'RDS.3',
    'db-instance-backup-enabled': 'RDS.11',
    'ec2-imdsv2-check': 'EC2.8',
    'restricted-ssh': 'EC2.13',
    'restricted-common-ports': 'EC2.19',
    'vpc-sg-open-only-to-authorized-ports': 'EC2.18',
    'encrypted-volumes': 'EC2.3',
    's3-bucket-level-public-access-prohibited': 'S3.8',
    's3-bucket-ssl-requests-only': 'S3.5',
    's3-bucket-logging-enabled': 'S3.9',
    'rds-instance-public-access-check': 'RDS.2',
    'rds-multi-az-support': 'RDS.5',
    'rds-instance-deletion-protection-enabled': 'RDS.8',
    'rds-automatic-minor-version-upgrade-enabled': 'RDS.13',
    'rds-enhanced-monitoring-enabled': 'RDS.6',
    'rds-snapshots-public-prohibited': 'RDS.1',
    'rds-snapshot-encrypted': 'RDS.4',
    'rds-instance-iam-authentication-enabled': 'RDS.10',
    'ec2-instance-no-public-ip': 'EC2.9',
    'vpc-default-security-group-closed': 'EC2.2',
    'subnet-auto-assign-public-ip-disabled': 'EC2.15',
    'iam-user-no-policies-check': 'IAM.2',
    'iam-policy-no-statements-with-admin-access': 'IAM.1',
    'dynamodb-pitr-enabled': 'DynamoDB.2',
    'lambda-function-public-access-prohibited': 'Lambda.1',
    'lambda-function-settings-check': 'Lambda.2',
    'sns-encrypted-kms': 'SNS.1',
    'secretsmanager-rotation-enabled-check': 'SecretsManager.1',
    'elb-logging-enabled': 'ELB.5',
  },
};

/** `RuleSet.forFramework`'s rules, with the packs' parameters. */
const FROZEN_SETS: Record<string, string[]> = {
  SOC2: [
    's3-default-encryption-kms',
    's3-bucket-versioning-enabled',
    'rds-storage-encrypted',
    'db-instance-backup-enabled',
    'ec2-imdsv2-check',
    'restricted-ssh',
    'restricted-common-ports',
    'encrypted-volumes',
    's3-bucket-ssl-requests-only',
    's3-bucket-logging-enabled',
    'rds-instance-public-access-check',
    'rds-instance-deletion-protection-enabled',
    'rds-snapshots-public-prohibited',
    'rds-snapshot-encrypted',
    'rds-instance-iam-authentication-enabled',
    'ec2-instance-no-public-ip',
    'vpc-default-security-group-closed',
    'subnet-auto-assign-public-ip-disabled',
    'iam-user-no-policies-check',
    'iam-policy-no-statements-with-admin-access',
    'dynamodb-pitr-enabled',
    'lambda-function-public-access-prohibited',
    'sns-encrypted-kms',
    'secretsmanager-rotation-enabled-check',
    'elb-logging-enabled',
  ],
  PCI_DSS_4: [
    's3-default-encryption-kms',
    's3-bucket-versioning-enabled',
    'db-instance-backup-enabled',
    'ec2-imdsv2-check',
    'restricted-ssh',
    'restricted-common-ports',
    's3-bucket-level-public-access-prohibited',
    's3-bucket-ssl-requests-only',
    's3-bucket-logging-enabled',
    'rds-instance-public-access-check',
    'rds-automatic-minor-version-upgrade-enabled',
    'rds-instance-iam-authentication-enabled',
    'ec2-instance-profile-attached',
    'ec2-volume-inuse-check {"deleteOnTermination":"true"}',
    'subnet-auto-assign-public-ip-disabled',
    'dynamodb-pitr-enabled',
    'dynamodb-table-encrypted-kms',
    'lambda-function-public-access-prohibited',
    'lambda-function-settings-check {"runtime":"python3.9, java11, java8.al2, nodejs20.x,nodejs18.x,python3.12, python3.11,python3.10,java21,java17,dotnet8,ruby3.3,ruby3.2"}',
    'secretsmanager-rotation-enabled-check',
  ],
  NIST_800_53_R5: [
    's3-bucket-server-side-encryption-enabled',
    's3-default-encryption-kms',
    's3-bucket-versioning-enabled',
    'rds-storage-encrypted',
    'db-instance-backup-enabled',
    'ec2-imdsv2-check',
    'restricted-ssh',
    'restricted-common-ports {"blockedPort1":"20","blockedPort2":"21","blockedPort3":"3389","blockedPort4":"3306","blockedPort5":"4333"}',
    'vpc-sg-open-only-to-authorized-ports {"authorizedTcpPorts":"443"}',
    'encrypted-volumes',
    's3-bucket-level-public-access-prohibited',
    's3-bucket-ssl-requests-only',
    's3-bucket-logging-enabled',
    's3-bucket-replication-enabled',
    'rds-instance-public-access-check',
    'rds-multi-az-support',
    'rds-instance-deletion-protection-enabled',
    'rds-automatic-minor-version-upgrade-enabled',
    'rds-enhanced-monitoring-enabled',
    'rds-snapshots-public-prohibited',
    'rds-snapshot-encrypted',
    'rds-instance-iam-authentication-enabled',
    'ec2-instance-no-public-ip',
    'ec2-instance-profile-attached',
    'vpc-default-security-group-closed',
    'ec2-volume-inuse-check',
    'subnet-auto-assign-public-ip-disabled',
    'iam-user-no-policies-check',
    'iam-policy-no-statements-with-admin-access',
    'iam-no-inline-policy-check',
    'iam-user-group-membership-check',
    'dynamodb-pitr-enabled',
    'dynamodb-table-encrypted-kms',
    'lambda-function-public-access-prohibited',
    'sns-encrypted-kms',
    'secretsmanager-rotation-enabled-check',
    'elb-logging-enabled',
  ],
  CIS_AWS: [
    'rds-storage-encrypted',
    'ec2-imdsv2-check',
    'restricted-ssh',
    'restricted-common-ports',
    'encrypted-volumes',
    's3-bucket-level-public-access-prohibited',
    's3-bucket-ssl-requests-only',
    'rds-instance-public-access-check',
    'rds-multi-az-support',
    'rds-automatic-minor-version-upgrade-enabled',
    'vpc-default-security-group-closed',
    'iam-user-no-policies-check',
    'iam-policy-no-statements-with-admin-access',
  ],
  AWS_FSBP: [
    's3-default-encryption-kms',
    's3-bucket-versioning-enabled',
    'rds-storage-encrypted',
    'db-instance-backup-enabled',
    'ec2-imdsv2-check',
    'restricted-ssh',
    'restricted-common-ports',
    'vpc-sg-open-only-to-authorized-ports',
    'encrypted-volumes',
    's3-bucket-level-public-access-prohibited',
    's3-bucket-ssl-requests-only',
    's3-bucket-logging-enabled',
    'rds-instance-public-access-check',
    'rds-multi-az-support',
    'rds-instance-deletion-protection-enabled',
    'rds-automatic-minor-version-upgrade-enabled',
    'rds-enhanced-monitoring-enabled',
    'rds-snapshots-public-prohibited',
    'rds-snapshot-encrypted',
    'rds-instance-iam-authentication-enabled',
    'ec2-instance-no-public-ip',
    'vpc-default-security-group-closed',
    'subnet-auto-assign-public-ip-disabled',
    'iam-user-no-policies-check',
    'iam-policy-no-statements-with-admin-access',
    'dynamodb-pitr-enabled',
    'lambda-function-public-access-prohibited',
    'sns-encrypted-kms',
    'secretsmanager-rotation-enabled-check',
    'elb-logging-enabled',
  ],
};

describe('the mappings, as data with sources', () => {
  test('every control id has its framework\'s form, every source is cited, and no control is given twice', () => {
    for (const [ruleName, byFramework] of Object.entries(RULE_CONTROLS)) {
      for (const [framework, mappings] of Object.entries(byFramework)) {
        const { controlPattern } = BUILT_IN_FRAMEWORKS.get(framework as never)!;
        for (const { control, sources } of mappings ?? []) {
          expect({ ruleName, framework, control, matches: controlPattern.test(control) }).toEqual({ ruleName, framework, control, matches: true });
          expect(sources.length).toBeGreaterThan(0);
          for (const source of sources) {
            expect(MAPPING_SOURCES).toHaveProperty([source]);
          }
        }
        const controls = (mappings ?? []).map((mapping) => mapping.control);
        expect(new Set(controls).size).toBe(controls.length);
      }
    }
  });

  test('every source names a page or file by https URL, and the day it was read', () => {
    for (const source of Object.values(MAPPING_SOURCES)) {
      expect(source.url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
      expect(source.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(source.title.trim()).not.toBe('');
    }
  });

  test('every built-in rule has an entry, and only built-in rules do', () => {
    expect(Object.keys(RULE_CONTROLS).sort()).toEqual([...RULE_CATALOG.keys()].sort());
  });

  test('the pack parameters are valid parameters of their rules, and each pack is a cited source', () => {
    for (const [framework, byRule] of Object.entries(PACK_PARAMETERS)) {
      expect(MAPPING_SOURCES).toHaveProperty([PACK_SOURCES[framework as never]!]);
      for (const [ruleName, parameters] of Object.entries(byRule ?? {})) {
        expect(() => ComplianceRule.builtIn(ruleName, { parameters })).not.toThrow();
      }
    }
  });

  test.each(BUILT_IN_FRAMEWORK_IDS)('%s: the default controls of each rule are frozen', (framework) => {
    const controls = Object.fromEntries([...RULE_CATALOG.keys()]
      .map((ruleName) => [ruleName, builtInControls(ruleName, framework).join(' ')])
      .filter(([, joined]) => joined !== ''));
    expect(controls).toEqual(FROZEN_CONTROLS[framework]);
  });

  test('a mapping kept as an alternative is no default control', () => {
    const alternatives = Object.entries(RULE_CONTROLS).flatMap(([ruleName, byFramework]) =>
      (byFramework.SOC2 ?? []).filter((mapping) => mapping.alternative).map((mapping) => [ruleName, mapping.control]));
    expect(alternatives.length).toBeGreaterThan(0);
    for (const [ruleName, control] of alternatives) {
      expect(builtInControls(ruleName, 'SOC2')).not.toContain(control);
    }
  });
});

describe('Framework', () => {
  test('the built-in frameworks, in report order, with the versions their mappings are for', () => {
    expect(Framework.builtInFrameworks().map((framework) => [framework.id, framework.name, framework.version])).toEqual([
      ['SOC2', 'SOC 2', 'Trust Services Criteria 2017 (revised points of focus, 2022)'],
      ['PCI_DSS_4', 'PCI DSS', '4.0.1'],
      ['NIST_800_53_R5', 'NIST SP 800-53', 'Revision 5'],
      ['CIS_AWS', 'CIS AWS Foundations Benchmark', '5.0.0'],
      ['AWS_FSBP', 'AWS Foundational Security Best Practices (Security Hub)', 'Security Hub control ids'],
    ]);
    expect(Framework.PCI_DSS_4.controlsOf('restricted-ssh')).toEqual(FROZEN_CONTROLS.PCI_DSS_4['restricted-ssh'].split(' '));
    expect(Framework.PCI_DSS_4.controlsOf('my-custom-rule')).toEqual([]);
  });

  test('a custom catalogue maps built-in rules to its own controls', () => {
    const acme = Framework.custom({ id: 'ACME_SEC', name: 'Acme security standard', version: '2026', controls: { 'restricted-ssh': ['NET-01'], 'encrypted-volumes': ['DATA-03'] } });
    expect([acme.id, acme.name, acme.version, acme.isBuiltIn]).toEqual(['ACME_SEC', 'Acme security standard', '2026', false]);
    expect(acme.controlsOf('restricted-ssh')).toEqual(['NET-01']);
    expect(acme.mappedRuleNames).toEqual(['restricted-ssh', 'encrypted-volumes']);
  });

  test.each([
    [{ id: 'PCI_DSS_4', name: 'Mine' }, 'Framework.custom: id "PCI_DSS_4" must be a letter, then letters, digits, _ or - (at most 64), and not a built-in framework\'s id'],
    [{ id: '1st', name: 'Mine' }, 'Framework.custom: id "1st" must be a letter'],
    [{ id: 'ACME', name: ' ' }, 'Framework.custom: framework "ACME" needs a name, shown in reports.'],
    [{ id: 'ACME', name: 'Acme', controls: { 'my-rule': ['X-1'] } },
      'Framework.custom: controls of framework "ACME": "my-rule" is not a built-in rule (give a custom or managed rule its controls with the rule\'s own controls option).'],
    [{ id: 'ACME', name: 'Acme', controls: { 'restricted-ssh': [] } }, '"restricted-ssh": no control id (leave the rule out instead)'],
    [{ id: 'ACME', name: 'Acme', controls: { 'restricted-ssh': ['N-1', 'N-1', ''] } }, '"restricted-ssh": a control id is blank; "restricted-ssh": N-1 given twice'],
  ])('refuses %j', (options, message) => {
    expect(() => Framework.custom(options)).toThrow(message);
  });
});

describe('a rule\'s controls', () => {
  const acme = Framework.custom({ id: 'ACME', name: 'Acme', controls: { 'restricted-ssh': ['NET-01'] } });

  test('add to the framework\'s mapping, or replace it', () => {
    const added = ComplianceRule.restrictedSsh({ controls: [{ framework: Framework.PCI_DSS_4, controls: ['12.1.1', '1.3.1'] }] });
    expect(added.controlsIn(Framework.PCI_DSS_4)).toEqual([...FROZEN_CONTROLS.PCI_DSS_4['restricted-ssh'].split(' '), '12.1.1']);
    const replaced = ComplianceRule.restrictedSsh({ controls: [{ framework: Framework.PCI_DSS_4, controls: ['12.1.1'], replace: true }, { framework: acme, controls: ['NET-02'] }] });
    expect(replaced.controlsIn(Framework.PCI_DSS_4)).toEqual(['12.1.1']);
    expect(replaced.controlsIn(acme)).toEqual(['NET-01', 'NET-02']);
    expect(replaced.controlsIn(Framework.SOC2)).toEqual(Framework.SOC2.controlsOf('restricted-ssh'));
  });

  test('a managed rule has only the controls given to it', () => {
    const rule = ComplianceRule.managed('IAM_ROOT_ACCESS_KEY_CHECK', { ruleName: 'root-keys', controls: [{ framework: Framework.CIS_AWS, controls: ['2.3'] }] });
    expect(rule.controlsIn(Framework.CIS_AWS)).toEqual(['2.3']);
    expect(rule.controlsIn(Framework.NIST_800_53_R5)).toEqual([]);
  });

  test('refuses a framework given twice and bad control ids, naming the rule', () => {
    expect(() => ComplianceRule.restrictedSsh({ controls: [{ framework: acme, controls: ['A'] }, { framework: acme, controls: ['B'] }] }))
      .toThrow('rule "restricted-ssh": controls: framework ACME is given twice (give its controls in one entry).');
    expect(() => ComplianceRule.restrictedSsh({ controls: [{ framework: acme, controls: [] }] }))
      .toThrow('rule "restricted-ssh": controls: framework ACME: no control id (leave the rule out instead).');
  });
});

describe('RuleSet.forFramework', () => {
  test.each(BUILT_IN_FRAMEWORK_IDS)('%s: the mapped rules with the pack\'s parameters, frozen', (id) => {
    const framework = Framework.builtInFrameworks().find((each) => each.id === id)!;
    const set = RuleSet.forFramework(framework);
    expect(set.rules.map((rule) => (Object.keys(rule.parameters).length > 0 ? `${rule.ruleName} ${JSON.stringify(rule.parameters)}` : rule.ruleName))).toEqual(FROZEN_SETS[id]);
    // Every rule of the set maps to a control of the framework.
    expect(set.rules.every((rule) => rule.controlsIn(framework).length > 0)).toBe(true);
  });

  test('leaves out a mapped rule that needs a parameter the pack does not give', () => {
    // lambda-function-settings-check needs a runtime: PCI's pack gives one, NIST's does not.
    expect(Framework.NIST_800_53_R5.mappedRuleNames).toContain('lambda-function-settings-check');
    expect(RuleSet.forFramework(Framework.NIST_800_53_R5).ruleNames).not.toContain('lambda-function-settings-check');
    expect(RuleSet.forFramework(Framework.PCI_DSS_4).findRule('lambda-function-settings-check')?.parameters.runtime).toContain('nodejs20.x');
  });

  test('a custom catalogue: its built-in rules with AWS\'s defaults; a rule that needs input is refused', () => {
    const acme = Framework.custom({ id: 'ACME', name: 'Acme', controls: { 'encrypted-volumes': ['DATA-03'], 'restricted-ssh': ['NET-01'] } });
    expect(RuleSet.forFramework(acme).ruleNames).toEqual(['restricted-ssh', 'encrypted-volumes']);
    const tagged = Framework.custom({ id: 'TAGS', name: 'Tags', controls: { 'required-tags': ['T-1'] } });
    expect(() => RuleSet.forFramework(tagged)).toThrow('RuleSet.forFramework: framework "TAGS" maps required-tags, which need parameters');
  });
});

describe('what the aggregator is told', () => {
  const acme = Framework.custom({ id: 'ACME', name: 'Acme', version: '1', controls: { 'restricted-ssh': ['NET-01'] } });

  test('built-in frameworks by id alone; only the controls the library does not know', () => {
    const rules = RuleSet.of(
      ComplianceRule.restrictedSsh({ controls: [{ framework: Framework.PCI_DSS_4, controls: ['12.1.1'], replace: true }] }),
      ComplianceRule.s3BucketSslRequestsOnly(),
      ComplianceRule.encryptedVolumes(),
      ComplianceRule.managed('IAM_ROOT_ACCESS_KEY_CHECK', { ruleName: 'root-keys', controls: [{ framework: acme, controls: ['IAM-09'] }] }),
    );
    const setting = frameworksSetting([Framework.PCI_DSS_4, acme], rules);
    expect(setting).toEqual({
      frameworks: [{ id: 'PCI_DSS_4' }, { id: 'ACME', name: 'Acme', version: '1' }],
      controls: { PCI_DSS_4: { 'restricted-ssh': ['12.1.1'] }, ACME: { 'restricted-ssh': ['NET-01'], 'root-keys': ['IAM-09'] } },
    });
    // And read back, the deployed names as evaluations name the rules.
    const deployed = rules.ruleNames.map((ruleName) => ({ ruleName, configRuleName: `${ruleName}-prod` }));
    expect(reportFrameworks(setting, deployed)).toEqual([
      {
        id: 'PCI_DSS_4',
        name: 'PCI DSS',
        version: '4.0.1',
        controlsByRule: {
          'restricted-ssh-prod': ['12.1.1'],
          's3-bucket-ssl-requests-only-prod': FROZEN_CONTROLS.PCI_DSS_4['s3-bucket-ssl-requests-only'].split(' '),
        // encrypted-volumes: no PCI DSS source maps it, so it is in no PCI control.
        },
      },
      { id: 'ACME', name: 'Acme', version: '1', controlsByRule: { 'restricted-ssh-prod': ['NET-01'], 'root-keys-prod': ['IAM-09'] } },
    ]);
  });

  test('refuses controls that would not fit in the aggregator\'s environment, naming the prop and the fix', () => {
    const huge = Framework.custom({ id: 'HUGE', name: 'Huge', controls: { 'restricted-ssh': Array.from({ length: 300 }, (_, i) => `NET-${i}`) } });
    expect(() => frameworksSetting([huge], RuleSet.of(ComplianceRule.restrictedSsh())))
      .toThrow(/^frameworks: the custom frameworks' and the rules' own controls take \d+ characters of the aggregator's environment, over the 2000/);
  });

  test('refuses a rule\'s framework that the monitor does not report, and a framework given twice', () => {
    const rules = RuleSet.of(ComplianceRule.restrictedSsh({ controls: [{ framework: acme, controls: ['NET-02'] }] }));
    expect(() => frameworksSetting([Framework.PCI_DSS_4], rules)).toThrow(
      'frameworks: rule "restricted-ssh" maps controls of framework ACME, which frameworks does not list; add it to frameworks, or drop the rule\'s controls for it.');
    expect(() => frameworksSetting([acme, acme], rules)).toThrow('frameworks: ACME given twice; give each framework once.');
  });

  test('the aggregator\'s REPORT_FRAMEWORKS variable: the built-in frameworks by default, the chosen ones otherwise', () => {
    const environmentOf = (frameworks?: Framework[]) => {
      const [aggregator] = Object.values(synth({ frameworks }).template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: 'compliance-aggregator-test' } }));
      return aggregator.Properties.Environment.Variables;
    };
    expect(JSON.parse(environmentOf().REPORT_FRAMEWORKS)).toEqual({ frameworks: BUILT_IN_FRAMEWORK_IDS.map((id) => ({ id })) });
    expect(JSON.parse(environmentOf([acme]).REPORT_FRAMEWORKS)).toEqual({ frameworks: [{ id: 'ACME', name: 'Acme', version: '1' }], controls: { ACME: { 'restricted-ssh': ['NET-01'] } } });
  });
});
