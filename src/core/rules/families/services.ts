import type { RuleDefinition } from '../catalog';

/** Built-in rules of DynamoDB tables, Lambda functions, SNS topics, Secrets Manager secrets and load balancers: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const SERVICES_DEFINITIONS = {
  // Security Hub DynamoDB.2, MEDIUM.
  'dynamodb-pitr-enabled': {
    identifier: 'DYNAMODB_PITR_ENABLED',
    description: 'DynamoDB tables have point-in-time recovery enabled.',
    remediation: "Turn on point-in-time recovery for the table (UpdateContinuousBackups with PointInTimeRecoveryEnabled true). The monitor's remediator can do this (autoRemediate).",
    resourceTypes: ['AWS::DynamoDB::Table'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    fix: 'ENABLE_DYNAMODB_PITR',
    parameters: {},
  },
  // No Security Hub control names this rule: MEDIUM, the severity of the controls on encryption at
  // rest with KMS of the neighbouring services (SNS.1; DynamoDB.3, DAX clusters).
  'dynamodb-table-encrypted-kms': {
    identifier: 'DYNAMODB_TABLE_ENCRYPTED_KMS',
    description: 'DynamoDB tables are encrypted with an AWS KMS key (not the default AWS owned key), one of kmsKeyArns when given.',
    remediation: "Switch the table's encryption to an AWS KMS key (UpdateTable SSESpecification with SSEType KMS), a key listed in kmsKeyArns if the rule lists keys.",
    resourceTypes: ['AWS::DynamoDB::Table'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: { kmsKeyArns: { type: 'csv' } },
  },
  // Security Hub Lambda.1, CRITICAL.
  'lambda-function-public-access-prohibited': {
    identifier: 'LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED',
    description: 'Lambda function policies grant no public access: a wildcard principal only under conditions naming known accounts or sources.',
    remediation: 'Remove policy statements with a wildcard principal (RemovePermission), or confine them with aws:SourceAccount, aws:SourceArn or aws:PrincipalOrgID; S3 triggers need aws:SourceAccount.',
    resourceTypes: ['AWS::Lambda::Function'],
    periodic: false,
    defaultSeverity: 'CRITICAL',
    parameters: {},
  },
  // Security Hub Lambda.2, MEDIUM. `runtime` has no "(Optional)" on the page: without it the rule is refused.
  'lambda-function-settings-check': {
    identifier: 'LAMBDA_FUNCTION_SETTINGS_CHECK',
    description: 'Lambda functions use an allowed runtime and the expected role, timeout and memory size; container image functions are not judged.',
    remediation: "Update the function's runtime, execution role, timeout or memory size to the expected values (UpdateFunctionConfiguration).",
    resourceTypes: ['AWS::Lambda::Function'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: {
      runtime: { type: 'csv', required: true },
      role: { type: 'string' },
      timeout: { type: 'int', default: '3' },
      memorySize: { type: 'int', default: '128' },
    },
  },
  // Security Hub SNS.1, MEDIUM.
  'sns-encrypted-kms': {
    identifier: 'SNS_ENCRYPTED_KMS',
    description: 'SNS topics are encrypted with an AWS KMS key (KmsMasterKeyId), one of kmsKeyIds when that list is given.',
    remediation: "Set the topic's KmsMasterKeyId attribute to a KMS key (SetTopicAttributes, console Encryption), one listed in kmsKeyIds if given.",
    resourceTypes: ['AWS::SNS::Topic'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: { kmsKeyIds: { type: 'csv' } },
  },
  // Security Hub SecretsManager.1, MEDIUM. The hours parameter is on the current page only.
  'secretsmanager-rotation-enabled-check': {
    identifier: 'SECRETSMANAGER_ROTATION_ENABLED_CHECK',
    description: 'Secrets Manager secrets have rotation enabled and rotate at least as often as the maximum frequency set in days or hours.',
    remediation: "Turn on automatic rotation for the secret (RotateSecret with a rotation function and RotationRules) on a schedule no longer than the rule's maximum.",
    resourceTypes: ['AWS::SecretsManager::Secret'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: {
      maximumAllowedRotationFrequency: { type: 'int' },
      maximumAllowedRotationFrequencyInHours: { type: 'int' },
    },
  },
  // Security Hub ELB.5, MEDIUM.
  'elb-logging-enabled': {
    identifier: 'ELB_LOGGING_ENABLED',
    description: 'Application and Classic Load Balancers have access logs on, to one of s3BucketNames when given; Network and Gateway ones are not judged.',
    remediation: "Turn on access logs for the load balancer (ModifyLoadBalancerAttributes, access_logs.s3.enabled or a Classic one's AccessLog) to a bucket listed in s3BucketNames if given.",
    resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: { s3BucketNames: { type: 'csv' } },
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
