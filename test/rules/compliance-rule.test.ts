import { aws_config as config, aws_lambda as lambda, Stack } from 'aws-cdk-lib';
import { ComplianceRule, Evaluator, RuleSet, RuleTrigger, S3ReplicationType, Severity } from '../../src';
import { RECOMMENDED_RULES, RULE_CATALOG } from '../../src/core/rules/catalog';

describe('built-in rules', () => {
  const FACTORIES: Array<[() => ComplianceRule, string, string, Record<string, string>]> = [
    [() => ComplianceRule.s3BucketServerSideEncryption(), 's3-bucket-server-side-encryption-enabled', 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED', {}],
    [() => ComplianceRule.s3DefaultEncryptionKms({ kmsKeyArns: ['arn:k1', 'arn:k2'] }), 's3-default-encryption-kms', 'S3_DEFAULT_ENCRYPTION_KMS', { kmsKeyArns: 'arn:k1,arn:k2' }],
    [() => ComplianceRule.rdsStorageEncrypted({ kmsKeyId: 'k1' }), 'rds-storage-encrypted', 'RDS_STORAGE_ENCRYPTED', { kmsKeyId: 'k1' }],
    [() => ComplianceRule.rdsBackupEnabled({ backupRetentionMinimum: 7, checkReadReplicas: true, preferredBackupWindow: '03:00-04:00' }),
      'db-instance-backup-enabled', 'DB_INSTANCE_BACKUP_ENABLED', { backupRetentionMinimum: '7', checkReadReplicas: 'true', preferredBackupWindow: '03:00-04:00' }],
    [() => ComplianceRule.ec2Imdsv2(), 'ec2-imdsv2-check', 'EC2_IMDSV2_CHECK', {}],
    [() => ComplianceRule.requiredTags({ tags: { Environment: ['prod', 'dev'], Owner: [] } }), 'required-tags', 'REQUIRED_TAGS',
      { tag1Key: 'Environment', tag1Value: 'prod,dev', tag2Key: 'Owner' }],
    [() => ComplianceRule.desiredInstanceTypes({ instanceTypes: ['t3.micro', 'm5.large'] }), 'desired-instance-type', 'DESIRED_INSTANCE_TYPE', { instanceType: 't3.micro,m5.large' }],
    [() => ComplianceRule.restrictedSsh(), 'restricted-ssh', 'INCOMING_SSH_DISABLED', {}],
    [() => ComplianceRule.restrictedCommonPorts({ blockedPorts: [3389, 5432] }), 'restricted-common-ports', 'RESTRICTED_INCOMING_TRAFFIC', { blockedPort1: '3389', blockedPort2: '5432' }],
    [() => ComplianceRule.securityGroupAuthorizedPorts({ tcp: ['443', '1020-1025'], udp: ['500'] }), 'vpc-sg-open-only-to-authorized-ports',
      'VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS', { authorizedTcpPorts: '443,1020-1025', authorizedUdpPorts: '500' }],
    [() => ComplianceRule.encryptedVolumes({ kmsId: 'k1' }), 'encrypted-volumes', 'ENCRYPTED_VOLUMES', { kmsId: 'k1' }],
    [() => ComplianceRule.s3BucketVersioningEnabled(), 's3-bucket-versioning-enabled', 'S3_BUCKET_VERSIONING_ENABLED', {}],
    [() => ComplianceRule.s3BucketVersioningEnabled({ requireMfaDelete: true }), 's3-bucket-versioning-enabled', 'S3_BUCKET_VERSIONING_ENABLED', { isMfaDeleteEnabled: 'true' }],
    [() => ComplianceRule.s3BucketLevelPublicAccessProhibited({ excludedPublicBuckets: ['site-a', 'site-b'] }), 's3-bucket-level-public-access-prohibited',
      'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED', { excludedPublicBuckets: 'site-a,site-b' }],
    [() => ComplianceRule.s3BucketSslRequestsOnly(), 's3-bucket-ssl-requests-only', 'S3_BUCKET_SSL_REQUESTS_ONLY', {}],
    [() => ComplianceRule.s3BucketLoggingEnabled({ targetBucket: 'logs', targetPrefix: 's3/' }), 's3-bucket-logging-enabled', 'S3_BUCKET_LOGGING_ENABLED',
      { targetBucket: 'logs', targetPrefix: 's3/' }],
    [() => ComplianceRule.s3BucketReplicationEnabled({ replicationType: S3ReplicationType.CROSS_REGION }), 's3-bucket-replication-enabled',
      'S3_BUCKET_REPLICATION_ENABLED', { ReplicationType: 'CROSS-REGION' }],
    [() => ComplianceRule.rdsInstancePublicAccessCheck(), 'rds-instance-public-access-check', 'RDS_INSTANCE_PUBLIC_ACCESS_CHECK', {}],
    [() => ComplianceRule.rdsMultiAzSupport(), 'rds-multi-az-support', 'RDS_MULTI_AZ_SUPPORT', {}],
    [() => ComplianceRule.rdsInstanceDeletionProtectionEnabled({ databaseEngines: ['mysql', 'postgres'] }), 'rds-instance-deletion-protection-enabled',
      'RDS_INSTANCE_DELETION_PROTECTION_ENABLED', { databaseEngines: 'mysql,postgres' }],
    [() => ComplianceRule.rdsAutomaticMinorVersionUpgradeEnabled(), 'rds-automatic-minor-version-upgrade-enabled', 'RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED', {}],
    [() => ComplianceRule.rdsEnhancedMonitoringEnabled({ monitoringInterval: 60 }), 'rds-enhanced-monitoring-enabled', 'RDS_ENHANCED_MONITORING_ENABLED',
      { monitoringInterval: '60' }],
    [() => ComplianceRule.rdsSnapshotsPublicProhibited(), 'rds-snapshots-public-prohibited', 'RDS_SNAPSHOTS_PUBLIC_PROHIBITED', {}],
    [() => ComplianceRule.rdsSnapshotEncrypted(), 'rds-snapshot-encrypted', 'RDS_SNAPSHOT_ENCRYPTED', {}],
    [() => ComplianceRule.rdsInstanceIamAuthenticationEnabled(), 'rds-instance-iam-authentication-enabled', 'RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED', {}],
    [() => ComplianceRule.ec2InstanceNoPublicIp(), 'ec2-instance-no-public-ip', 'EC2_INSTANCE_NO_PUBLIC_IP', {}],
    [() => ComplianceRule.ec2InstanceProfileAttached({ instanceProfileArns: ['arn:aws:iam::123456789012:instance-profile/web'] }), 'ec2-instance-profile-attached',
      'EC2_INSTANCE_PROFILE_ATTACHED', { IamInstanceProfileArnList: 'arn:aws:iam::123456789012:instance-profile/web' }],
    [() => ComplianceRule.vpcDefaultSecurityGroupClosed(), 'vpc-default-security-group-closed', 'VPC_DEFAULT_SECURITY_GROUP_CLOSED', {}],
    [() => ComplianceRule.ec2VolumeInuseCheck({ deleteOnTermination: true }), 'ec2-volume-inuse-check', 'EC2_VOLUME_INUSE_CHECK', { deleteOnTermination: 'true' }],
    [() => ComplianceRule.subnetAutoAssignPublicIpDisabled(), 'subnet-auto-assign-public-ip-disabled', 'SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED', {}],
    [() => ComplianceRule.iamUserNoPoliciesCheck(), 'iam-user-no-policies-check', 'IAM_USER_NO_POLICIES_CHECK', {}],
    [() => ComplianceRule.iamPolicyNoStatementsWithAdminAccess({ excludePermissionBoundaryPolicy: true }), 'iam-policy-no-statements-with-admin-access',
      'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS', { excludePermissionBoundaryPolicy: 'true' }],
    [() => ComplianceRule.iamNoInlinePolicyCheck(), 'iam-no-inline-policy-check', 'IAM_NO_INLINE_POLICY_CHECK', {}],
    [() => ComplianceRule.iamUserGroupMembershipCheck({ groupNames: ['developers', 'operators'] }), 'iam-user-group-membership-check',
      'IAM_USER_GROUP_MEMBERSHIP_CHECK', { groupNames: 'developers,operators' }],
    [() => ComplianceRule.dynamodbPitrEnabled(), 'dynamodb-pitr-enabled', 'DYNAMODB_PITR_ENABLED', {}],
    [() => ComplianceRule.dynamodbTableEncryptedKms({ kmsKeyArns: ['arn:k1'] }), 'dynamodb-table-encrypted-kms', 'DYNAMODB_TABLE_ENCRYPTED_KMS', { kmsKeyArns: 'arn:k1' }],
    [() => ComplianceRule.lambdaFunctionPublicAccessProhibited(), 'lambda-function-public-access-prohibited', 'LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED', {}],
    [() => ComplianceRule.lambdaFunctionSettingsCheck({ runtimes: ['nodejs22.x', 'python3.12'], role: 'app', timeout: 30, memorySize: 512 }),
      'lambda-function-settings-check', 'LAMBDA_FUNCTION_SETTINGS_CHECK', { runtime: 'nodejs22.x,python3.12', role: 'app', timeout: '30', memorySize: '512' }],
    [() => ComplianceRule.snsEncryptedKms({ kmsKeyIds: ['alias/sns'] }), 'sns-encrypted-kms', 'SNS_ENCRYPTED_KMS', { kmsKeyIds: 'alias/sns' }],
    [() => ComplianceRule.secretsManagerRotationEnabledCheck({ maximumAllowedRotationFrequency: 90, maximumAllowedRotationFrequencyInHours: 2160 }),
      'secretsmanager-rotation-enabled-check', 'SECRETSMANAGER_ROTATION_ENABLED_CHECK', { maximumAllowedRotationFrequency: '90', maximumAllowedRotationFrequencyInHours: '2160' }],
    [() => ComplianceRule.elbLoggingEnabled({ s3BucketNames: ['elb-logs'] }), 'elb-logging-enabled', 'ELB_LOGGING_ENABLED', { s3BucketNames: 'elb-logs' }],
  ];

  test.each(FACTORIES)('%#: maps to its managed rule with AWS parameter names', (factory, ruleName, identifier, parameters) => {
    const rule = factory();
    expect(rule).toMatchObject({ ruleName, identifier, evaluator: Evaluator.MANAGED });
    expect(rule.parameters).toEqual(parameters);
  });

  test('every built-in rule has a factory of its own', () => {
    expect(new Set(FACTORIES.map(([, ruleName]) => ruleName))).toEqual(new Set(RULE_CATALOG.keys()));
  });

  test.each([
    ['an RDS monitoring interval RDS does not offer', () => ComplianceRule.rdsEnhancedMonitoringEnabled({ monitoringInterval: 20 }),
      'ComplianceRule.rdsEnhancedMonitoringEnabled: monitoringInterval 20 is not one of RDS\'s intervals: use 1, 5, 10, 15, 30, 60 seconds.'],
    ['no Lambda runtime', () => ComplianceRule.lambdaFunctionSettingsCheck({ runtimes: [] }),
      'ComplianceRule.lambdaFunctionSettingsCheck: runtimes is empty: list the runtimes functions may use, e.g. ["nodejs22.x"].'],
    ['a Lambda timeout past 900 s', () => ComplianceRule.lambdaFunctionSettingsCheck({ runtimes: ['nodejs22.x'], timeout: 901 }),
      'ComplianceRule.lambdaFunctionSettingsCheck: timeout 901 is outside Lambda\'s range: use a whole number from 1 to 900.'],
    ['a Lambda memory size under 128 MB', () => ComplianceRule.lambdaFunctionSettingsCheck({ runtimes: ['nodejs22.x'], memorySize: 64 }),
      'ComplianceRule.lambdaFunctionSettingsCheck: memorySize 64 is outside Lambda\'s range: use a whole number from 128 to 10240.'],
    ['a rotation maximum of zero days', () => ComplianceRule.secretsManagerRotationEnabledCheck({ maximumAllowedRotationFrequency: 0 }),
      'ComplianceRule.secretsManagerRotationEnabledCheck: maximumAllowedRotationFrequency 0 is not a whole number of at least 1.'],
    ['a group name with a comma', () => ComplianceRule.iamUserGroupMembershipCheck({ groupNames: ['dev,ops'] }),
      'ComplianceRule.iamUserGroupMembershipCheck: groupNames must be group names, none empty or with a comma'],
  ])('%s is refused at synth, naming the option and the fix', (_case, factory, message) => {
    expect(factory).toThrow(message);
  });

  test('an empty optional list is the same as none: the parameter is left out, not sent empty for the rule to refuse', () => {
    expect(ComplianceRule.securityGroupAuthorizedPorts({ tcp: ['443'], udp: [] }).parameters).toEqual({ authorizedTcpPorts: '443' });
    expect(ComplianceRule.securityGroupAuthorizedPorts({ tcp: [], udp: [] }).parameters).toEqual({});
    expect(ComplianceRule.s3DefaultEncryptionKms({ kmsKeyArns: [] }).parameters).toEqual({});
  });

  test('default severities: open ports CRITICAL, encryption HIGH, backups MEDIUM, tags LOW; overridable', () => {
    expect(ComplianceRule.restrictedSsh().severity).toBe(Severity.CRITICAL);
    expect(ComplianceRule.encryptedVolumes().severity).toBe(Severity.HIGH);
    expect(ComplianceRule.rdsBackupEnabled().severity).toBe(Severity.MEDIUM);
    expect(ComplianceRule.requiredTags({ tags: { Owner: [] } }).severity).toBe(Severity.LOW);
    expect(ComplianceRule.restrictedSsh({ severity: Severity.HIGH }).severity).toBe(Severity.HIGH);
  });

  test('security-group rules also run every six hours; the others on configuration changes', () => {
    const sixHours = config.MaximumExecutionFrequency.SIX_HOURS;
    expect(ComplianceRule.restrictedSsh().trigger).toMatchObject({ onConfigurationChange: true, frequency: sixHours });
    expect(ComplianceRule.ec2Imdsv2().trigger).toMatchObject({ onConfigurationChange: true, frequency: undefined });
  });

  test('resourceTypes narrows the scope; a type the managed rule does not evaluate is an error', () => {
    expect(ComplianceRule.requiredTags({ tags: { Owner: [] }, resourceTypes: ['AWS::EC2::Instance'] }).resourceTypes).toEqual(['AWS::EC2::Instance']);
    expect(ComplianceRule.requiredTags({ tags: { Owner: [] } }).resourceTypes).toHaveLength(30);
    expect(() => ComplianceRule.ec2Imdsv2({ resourceTypes: ['AWS::S3::Bucket'] })).toThrow(
      'rule "ec2-imdsv2-check": resourceTypes must be a non-empty subset of AWS::EC2::Instance (AWS::S3::Bucket is not evaluated by EC2_IMDSV2_CHECK).');
  });

  test('builtIn takes any built-in rule with AWS parameter names', () => {
    expect(ComplianceRule.builtIn('required-tags', { parameters: { tag1Key: 'Owner' }, evaluator: Evaluator.ENGINE }))
      .toMatchObject({ ruleName: 'required-tags', parameters: { tag1Key: 'Owner' }, evaluator: Evaluator.ENGINE });
    expect(() => ComplianceRule.builtIn('no-such-rule')).toThrow(/^rule "no-such-rule" is not a built-in rule; built-in rules: /);
  });
});

describe('synth-time validation names the rule, the parameter and the fix', () => {
  const sevenTags = { tags: Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((key) => [key, []])) };

  test.each([
    ['seven required tags in MANAGED mode', () => ComplianceRule.requiredTags(sevenTags),
      'rule "required-tags": parameter "tag7Key" is not accepted: the managed rule REQUIRED_TAGS takes at most 6 tags: use ENGINE mode or at most six'],
    ['six blocked ports in MANAGED mode', () => ComplianceRule.restrictedCommonPorts({ blockedPorts: [1, 2, 3, 4, 5, 6] }),
      'rule "restricted-common-ports": parameter "blockedPort6" is not accepted: the managed rule RESTRICTED_INCOMING_TRAFFIC takes at most 5 blocked ports: use ENGINE mode or at most five'],
    ['a port out of range', () => ComplianceRule.restrictedCommonPorts({ blockedPorts: [70000] }),
      'rule "restricted-common-ports": parameter "blockedPort1" must be a port number from 0 to 65535 (got "70000")'],
    ['a bad port range', () => ComplianceRule.securityGroupAuthorizedPorts({ tcp: ['1025-1020'] }),
      'rule "vpc-sg-open-only-to-authorized-ports": parameter "authorizedTcpPorts" must be comma-separated ports or ranges such as "443,1020-1025" within 0-65535 (got "1025-1020")'],
    ['no tags', () => ComplianceRule.requiredTags({ tags: {} }), 'ComplianceRule.requiredTags: tags is empty; give at least one tag key, e.g. { Owner: [] }.'],
    ['a tag value with a comma', () => ComplianceRule.requiredTags({ tags: { Team: ['a,b'] } }),
      'ComplianceRule.requiredTags: value "a,b" of tag "Team" must have 1 to 256 characters and no comma.'],
    ['a tag key too long', () => ComplianceRule.requiredTags({ tags: { ['k'.repeat(129)]: [] } }), /tag key "k+" must have 1 to 128 characters/],
    ['no instance types', () => ComplianceRule.desiredInstanceTypes({ instanceTypes: [] }), 'ComplianceRule.desiredInstanceTypes: instanceTypes is empty; list the allowed types, e.g. ["t3.micro"].'],
    ['an empty blocked port list', () => ComplianceRule.restrictedCommonPorts({ blockedPorts: [] }), /blockedPorts is empty; omit it for AWS's defaults/],
    ['a retention beyond RDS\'s 35 days', () => ComplianceRule.rdsBackupEnabled({ backupRetentionMinimum: 40 }),
      'ComplianceRule.rdsBackupEnabled: backupRetentionMinimum must be a whole number of days from 1 to 35, RDS\'s range (got 40).'],
    ['an unknown parameter', () => ComplianceRule.builtIn('ec2-imdsv2-check', { parameters: { foo: 'bar' } }),
      'rule "ec2-imdsv2-check": parameter "foo" is not accepted: the rule takes no parameters'],
    ['a missing required parameter', () => ComplianceRule.builtIn('desired-instance-type'), 'rule "desired-instance-type": parameter "instanceType" is required'],
    ['CUSTOM mode on a built-in rule', () => ComplianceRule.ec2Imdsv2({ evaluator: Evaluator.CUSTOM }),
      'rule "ec2-imdsv2-check": evaluator CUSTOM is for ComplianceRule.custom; use MANAGED or ENGINE.'],
    ['parameters over Config\'s 1024 characters', () => ComplianceRule.requiredTags({
      tags: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Key${i}`, ['v'.repeat(100)]])), evaluator: Evaluator.ENGINE,
    }), /^rule "required-tags": parameters are \d+ characters of JSON, over AWS Config's limit of 1024$/],
  ])('%s', (_, build, message) => {
    expect(build).toThrow(message);
  });

  test('ENGINE mode lifts the managed limits', () => {
    const rule = ComplianceRule.requiredTags({ ...sevenTags, evaluator: Evaluator.ENGINE });
    expect(rule.parameters.tag7Key).toBe('G');
    expect(ComplianceRule.restrictedCommonPorts({ blockedPorts: [1, 2, 3, 4, 5, 6], evaluator: Evaluator.ENGINE }).parameters.blockedPort6).toBe('6');
  });
});

describe('managed and custom rules', () => {
  test('managed: any identifier, evaluated by AWS', () => {
    const rule = ComplianceRule.managed('IAM_ROOT_ACCESS_KEY_CHECK', { ruleName: 'iam-root-access-key-check-x', trigger: RuleTrigger.periodic(config.MaximumExecutionFrequency.TWENTY_FOUR_HOURS) });
    expect(rule).toMatchObject({ identifier: 'IAM_ROOT_ACCESS_KEY_CHECK', parameters: {}, resourceTypes: [], severity: Severity.MEDIUM, evaluator: Evaluator.MANAGED });
    expect(rule.trigger).toMatchObject({ onConfigurationChange: false, frequency: config.MaximumExecutionFrequency.TWENTY_FOUR_HOURS });
    expect(() => ComplianceRule.managed('iam root', { ruleName: 'x' })).toThrow(/identifier "iam root" is not a managed rule identifier/);
  });

  test.each([
    ['NOT_A_REAL_RULE_ID', /^ComplianceRule.managed: identifier "NOT_A_REAL_RULE_ID" is not an AWS Config managed rule; did you mean "[A-Z0-9_]+"\? For a rule newer than this library, set allowUnlistedIdentifier: true.$/],
    ['IAM_ROOT_ACCES_KEY_CHECK', 'did you mean "IAM_ROOT_ACCESS_KEY_CHECK"?'],
    ['S3_BUCKET_VERSIONING_ENABLE', 'did you mean "S3_BUCKET_VERSIONING_ENABLED"?'],
    // The managed rule behind restricted-ssh is not named after it.
    ['RESTRICTED_SSH', /did you mean "[A-Z_]+"\?/],
  ])('managed: an identifier AWS Config does not have (%s) throws, suggesting the closest', (identifier, message) => {
    expect(() => ComplianceRule.managed(identifier, { ruleName: 'x' })).toThrow(message);
  });

  test('managed: every identifier the built-in rules deploy is in the list; an unlisted one passes on request', () => {
    for (const { ruleName, identifier } of RULE_CATALOG.values()) {
      expect(() => ComplianceRule.managed(identifier, { ruleName: `${ruleName}-copy` })).not.toThrow();
    }
    expect(ComplianceRule.managed('A_RULE_AWS_ADDS_TOMORROW', { ruleName: 'x', allowUnlistedIdentifier: true }).identifier).toBe('A_RULE_AWS_ADDS_TOMORROW');
  });

  test('custom: the user\'s function, on configuration changes by default', () => {
    const fn = lambda.Function.fromFunctionArn(new Stack(), 'Fn', 'arn:aws:lambda:eu-west-1:123456789012:function:my-rule');
    const rule = ComplianceRule.custom({ ruleName: 'my-rule', lambdaFunction: fn, resourceTypes: ['AWS::S3::Bucket'], severity: Severity.HIGH });
    expect(rule).toMatchObject({ ruleName: 'my-rule', identifier: undefined, lambdaFunction: fn, evaluator: Evaluator.CUSTOM });
    expect(rule.trigger).toMatchObject({ onConfigurationChange: true });
    expect(RuleTrigger.configurationChangesAndPeriodic(config.MaximumExecutionFrequency.ONE_HOUR)).toMatchObject({ onConfigurationChange: true, frequency: 'One_Hour' });
  });

  test.each([
    ['', /ruleName "" must be 1 to 112 letters, digits, hyphens or underscores/],
    ['has space', /ruleName "has space" must be/],
    ['r'.repeat(113), /must be 1 to 112 /],
    ['required-tags', 'ComplianceRule.managed: ruleName "required-tags" is a built-in rule\'s name; use its factory or another name.'],
  ])('rule name %j is refused', (ruleName, message) => {
    expect(() => ComplianceRule.managed('REQUIRED_TAGS', { ruleName })).toThrow(message);
  });
});

describe('RuleSet', () => {
  test('the recommended set is frozen: these eight rules, no user input', () => {
    expect(RuleSet.recommended().ruleNames).toEqual([
      's3-bucket-server-side-encryption-enabled', 'rds-storage-encrypted', 'db-instance-backup-enabled', 'ec2-imdsv2-check',
      'required-tags', 'restricted-ssh', 'restricted-common-ports', 'encrypted-volumes',
    ]);
    expect(RuleSet.recommended().findRule('required-tags')!.parameters).toEqual({ tag1Key: 'Environment', tag2Key: 'Owner', tag3Key: 'CostCenter' });
    // The CLI's default set is the same data.
    expect(RuleSet.recommended().rules.map((r) => ({ ruleName: r.ruleName, parameters: r.parameters }))).toEqual(RECOMMENDED_RULES);
  });

  test('the foundational set: every built-in rule that needs no parameter, with AWS defaults, in catalog order', () => {
    const foundational = RuleSet.foundational();
    expect(foundational.ruleNames).toEqual([
      's3-bucket-server-side-encryption-enabled', 's3-default-encryption-kms', 's3-bucket-versioning-enabled', 'rds-storage-encrypted',
      'db-instance-backup-enabled', 'ec2-imdsv2-check', 'restricted-ssh', 'restricted-common-ports', 'vpc-sg-open-only-to-authorized-ports',
      'encrypted-volumes', 's3-bucket-level-public-access-prohibited', 's3-bucket-ssl-requests-only', 's3-bucket-logging-enabled',
      's3-bucket-replication-enabled', 'rds-instance-public-access-check', 'rds-multi-az-support', 'rds-instance-deletion-protection-enabled',
      'rds-automatic-minor-version-upgrade-enabled', 'rds-enhanced-monitoring-enabled', 'rds-snapshots-public-prohibited', 'rds-snapshot-encrypted',
      'rds-instance-iam-authentication-enabled', 'ec2-instance-no-public-ip', 'ec2-instance-profile-attached', 'vpc-default-security-group-closed',
      'ec2-volume-inuse-check', 'subnet-auto-assign-public-ip-disabled', 'iam-user-no-policies-check', 'iam-policy-no-statements-with-admin-access',
      'iam-no-inline-policy-check', 'iam-user-group-membership-check', 'dynamodb-pitr-enabled', 'dynamodb-table-encrypted-kms',
      'lambda-function-public-access-prohibited', 'sns-encrypted-kms', 'secretsmanager-rotation-enabled-check', 'elb-logging-enabled',
    ]);
    // The three that need input are the only built-in rules left out.
    expect([...RULE_CATALOG.keys()].filter((name) => !foundational.ruleNames.includes(name))).toEqual(['required-tags', 'desired-instance-type', 'lambda-function-settings-check']);
    expect(foundational.rules.every((rule) => Object.keys(rule.parameters).length === 0)).toBe(true);
  });

  test('adds and removes by name, returning new sets', () => {
    const base = RuleSet.recommended();
    const changed = base.withoutRules('required-tags', 'restricted-ssh').withRules(ComplianceRule.desiredInstanceTypes({ instanceTypes: ['t3.micro'] }));
    expect(changed.ruleNames).toEqual([
      's3-bucket-server-side-encryption-enabled', 'rds-storage-encrypted', 'db-instance-backup-enabled', 'ec2-imdsv2-check',
      'restricted-common-ports', 'encrypted-volumes', 'desired-instance-type',
    ]);
    expect(base.ruleNames).toHaveLength(8);
    expect(RuleSet.of().rules).toEqual([]);
  });

  test('a duplicate or unknown name is an error that says what to do', () => {
    expect(() => RuleSet.recommended().withRules(ComplianceRule.restrictedSsh())).toThrow(
      'RuleSet: rule "restricted-ssh" is already in the set; remove it with withoutRules("restricted-ssh") first.');
    expect(() => RuleSet.of(ComplianceRule.ec2Imdsv2()).withoutRules('nope')).toThrow('RuleSet: no rule named "nope" in the set; it has ec2-imdsv2-check.');
  });
});
