import type { RuleDefinition } from '../catalog';

/** Built-in rules of DynamoDB tables, Lambda functions, SNS topics, Secrets Manager secrets and load balancers: catalog entries, as `DEFINITIONS` in catalog.ts holds the first rules. */
export const SERVICES_DEFINITIONS = {
  // Security Hub DynamoDB.2, MEDIUM.
  'dynamodb-pitr-enabled': {
    identifier: 'DYNAMODB_PITR_ENABLED',
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
    resourceTypes: ['AWS::DynamoDB::Table'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: { kmsKeyArns: { type: 'csv' } },
  },
  // Security Hub Lambda.1, CRITICAL.
  'lambda-function-public-access-prohibited': {
    identifier: 'LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED',
    resourceTypes: ['AWS::Lambda::Function'],
    periodic: false,
    defaultSeverity: 'CRITICAL',
    parameters: {},
  },
  // Security Hub Lambda.2, MEDIUM. `runtime` has no "(Optional)" on the page: without it the rule is refused.
  'lambda-function-settings-check': {
    identifier: 'LAMBDA_FUNCTION_SETTINGS_CHECK',
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
    resourceTypes: ['AWS::SNS::Topic'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: { kmsKeyIds: { type: 'csv' } },
  },
  // Security Hub SecretsManager.1, MEDIUM. The hours parameter is on the current page only.
  'secretsmanager-rotation-enabled-check': {
    identifier: 'SECRETSMANAGER_ROTATION_ENABLED_CHECK',
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
    resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
    periodic: false,
    defaultSeverity: 'MEDIUM',
    parameters: { s3BucketNames: { type: 'csv' } },
  },
} satisfies Record<string, Omit<RuleDefinition, 'ruleName'>>;
