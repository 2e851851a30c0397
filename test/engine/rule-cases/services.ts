import type { RuleCases } from './rule-case';
import { fixture, invokingEventItem } from '../../support/fixtures';

const DYNAMODB_TABLE = fixture('configuration-items/AWS-DynamoDB-Table.json');
/** The RDK sample is a list holding one item. */
const LAMBDA_FUNCTION = fixture('configuration-items/AWS-Lambda-Function.json')[0];

/** For each rule of src/core/rules/families/services.ts: a real item in its scope that it judges (not NOT_APPLICABLE), and the parameters it needs. */
export const SERVICES_CASES: RuleCases = {
  'dynamodb-pitr-enabled': [DYNAMODB_TABLE, {}],
  'dynamodb-table-encrypted-kms': [DYNAMODB_TABLE, {}],
  'lambda-function-public-access-prohibited': [LAMBDA_FUNCTION, {}],
  'lambda-function-settings-check': [LAMBDA_FUNCTION, { runtime: 'nodejs20.x' }],
  'sns-encrypted-kms': [invokingEventItem('configuration-items/AWS-SNS-Topic.json'), {}],
  'secretsmanager-rotation-enabled-check': [invokingEventItem('configuration-items/AWS-SecretsManager-Secret.json'), {}],
  'elb-logging-enabled': [fixture('configuration-items/AWS-ElasticLoadBalancing-LoadBalancer.json'), {}],
};
