import * as fc from 'fast-check';
import { EXIT_NON_COMPLIANT } from '../../../cli/main';
import { compileRule, evaluate, RuleSpec, RuleSpecError } from '../../../src/core/engine';
import { ANNOTATION_MAX_LENGTH } from '../../../src/core/engine/verdict';
import { runCli, scratchDirectory } from '../../support/cli';
import { configurationItem, fixture, invokingEventItem } from '../../support/fixtures';

/**
 * The services family (DynamoDB, Lambda, SNS, Secrets Manager, load balancers) against the current
 * AWS Config Developer Guide pages, on the real items of test/fixtures, changed only where a case needs it.
 */

const item = (name: string) => fixture(`configuration-items/${name}`);

/** RDK sample (1.3 key names but accountId/arn: converted as a history item): PITR DISABLED, no ssedescription. */
const DYNAMODB = item('AWS-DynamoDB-Table.json');
/** RDK sample, a list of one item: nodejs6.10, timeout 3, memory 128, no function policy. */
const LAMBDA = item('AWS-Lambda-Function.json')[0];
/** select-resource-config result (configuration and supplementaryConfiguration only): go1.x, timeout 60, Policy as JSON text. */
const SELECTED_LAMBDA = JSON.parse(item('AWS-Lambda-Function.select-resource-config.json').data.Results[0]);
const LAMBDA_SELECTED = configurationItem('AWS::Lambda::Function', SELECTED_LAMBDA.configuration, {
  resourceId: SELECTED_LAMBDA.configuration.functionName,
  supplementaryConfiguration: SELECTED_LAMBDA.supplementaryConfiguration,
});
/** Invocation item (1.3): no KmsMasterKeyId. */
const SNS_EVENT = invokingEventItem('configuration-items/AWS-SNS-Topic.json');
const SNS_RDK = item('AWS-SNS-Topic.rdk-example.json');
/** select-resource-config results: the first topic has a KMS key ARN, the second none. */
const SNS_SELECTED = item('AWS-SNS-Topic.select-resource-config.json').data.Results.map((text: string) => {
  const result = JSON.parse(text);
  return configurationItem('AWS::SNS::Topic', result.configuration, { resourceId: result.resourceId, supplementaryConfiguration: result.supplementaryConfiguration });
});
const SNS_KEY = SNS_SELECTED[0].configuration.KmsMasterKeyId as string;
/** Invocation item (1.3): RotationEnabled false. */
const SECRET_EVENT = invokingEventItem('configuration-items/AWS-SecretsManager-Secret.json');
/** get-resource-config-history: configuration as JSON text. */
const SECRET_HISTORY = item('AWS-SecretsManager-Secret.history.json').configurationItems[0];
/** RDK sample Classic LB (1.3 keys, accountId): accessLog.enabled false. */
const CLB = item('AWS-ElasticLoadBalancing-LoadBalancer.json');
/** 1.2 history item: configuration and LoadBalancerAttributes as JSON text, access logs to elb-access-logs-us-east-1. */
const ALB_HISTORY = item('AWS-ElasticLoadBalancingV2-LoadBalancer.json');
/** Invocation item (1.3): attributes as an object list, access_logs.s3.enabled "false". */
const ALB_EVENT = invokingEventItem('configuration-items/AWS-ElasticLoadBalancingV2-LoadBalancer.rule-event.json');

const verdict = (raw: unknown, ruleName: string, parameters: Record<string, string> = {}) => evaluate(raw, { ruleName, parameters });
const withConfiguration = (raw: any, changes: Record<string, unknown>) => ({ ...raw, configuration: { ...raw.configuration, ...changes } });
const withSupplementary = (raw: any, supplementaryConfiguration: Record<string, unknown>) => ({ ...raw, supplementaryConfiguration });
/** The same item as get-resource-config-history writes it: configuration and each supplementary value as JSON text. */
const asHistoryItem = (raw: any) => ({
  ...raw,
  configuration: JSON.stringify(raw.configuration),
  supplementaryConfiguration: Object.fromEntries(Object.entries(raw.supplementaryConfiguration).map(([key, value]) => [key, JSON.stringify(value)])),
});

describe('dynamodb-pitr-enabled', () => {
  const pitr = (pointInTimeRecoveryStatus: string) => withSupplementary(DYNAMODB, {
    ContinuousBackupsDescription: { continuousBackupsStatus: 'ENABLED', pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus } },
    Tags: [],
  });

  test.each([
    ['the RDK table, PITR DISABLED', DYNAMODB, 'NON_COMPLIANT', 'Point-in-time recovery is DISABLED, not ENABLED'],
    ['PITR ENABLED', pitr('ENABLED'), 'COMPLIANT', 'Point-in-time recovery is enabled'],
    ['PITR ENABLED, as get-resource-config-history writes it (JSON text)', asHistoryItem(pitr('ENABLED')), 'COMPLIANT', 'Point-in-time recovery is enabled'],
    ['no ContinuousBackupsDescription recorded: not a violation', withSupplementary(DYNAMODB, { Tags: [] }), 'NOT_APPLICABLE', 'Point-in-time recovery status not recorded'],
  ])('%s', (_, raw, complianceType, annotation) => {
    expect(verdict(raw, 'dynamodb-pitr-enabled')).toEqual({ complianceType, annotation });
  });
});

describe('dynamodb-table-encrypted-kms', () => {
  const KEY_ARN = 'arn:aws:kms:us-east-2:123456789012:key/0f3c8a4e-9b1d-4c2e-8f6a-1d2e3f4a5b6c';
  const OTHER_KEY_ARN = 'arn:aws:kms:us-east-2:123456789012:key/7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
  const sse = (ssedescription: Record<string, unknown>) => withConfiguration(DYNAMODB, { ssedescription });
  const KMS_TABLE = sse({ status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: KEY_ARN });

  test.each([
    ['the RDK table, without ssedescription, is on the AWS owned key', DYNAMODB, {}, 'NON_COMPLIANT', 'Table is encrypted with an AWS owned key, not with AWS KMS'],
    ['SSE type KMS, ENABLED', KMS_TABLE, {}, 'COMPLIANT', `Table is encrypted with AWS KMS key ${KEY_ARN}`],
    ['SSE type KMS, as get-resource-config-history writes it', asHistoryItem(KMS_TABLE), {}, 'COMPLIANT', `Table is encrypted with AWS KMS key ${KEY_ARN}`],
    ['SSE type KMS while its key is changed (UPDATING)', sse({ status: 'UPDATING', ssetype: 'KMS', kmsmasterKeyArn: KEY_ARN }), {}, 'COMPLIANT',
      `Table is encrypted with AWS KMS key ${KEY_ARN}`],
    ['SSE type KMS, DISABLED', sse({ status: 'DISABLED', ssetype: 'KMS' }), {}, 'NON_COMPLIANT', 'Table is not encrypted with AWS KMS: SSE type KMS, status DISABLED'],
    ['SSE of another type', sse({ status: 'ENABLED', ssetype: 'AES256' }), {}, 'NON_COMPLIANT', 'Table is not encrypted with AWS KMS: SSE type AES256, status ENABLED'],
    ['an ssedescription without type or status', sse({}), {}, 'NON_COMPLIANT', 'Table is not encrypted with AWS KMS: SSE type not recorded, status not recorded'],
    ['KMS without a recorded key, no kmsKeyArns', sse({ status: 'ENABLED', ssetype: 'KMS' }), {}, 'COMPLIANT', 'Table is encrypted with AWS KMS'],
    ['KMS without a recorded key, with kmsKeyArns', sse({ status: 'ENABLED', ssetype: 'KMS' }), { kmsKeyArns: KEY_ARN }, 'NOT_APPLICABLE',
      'Table is encrypted with AWS KMS; its key ARN is not recorded'],
    ['the key kmsKeyArns lists', KMS_TABLE, { kmsKeyArns: `${OTHER_KEY_ARN}, ${KEY_ARN}` }, 'COMPLIANT', `Table is encrypted with AWS KMS key ${KEY_ARN}`],
    ['a key kmsKeyArns does not list', KMS_TABLE, { kmsKeyArns: OTHER_KEY_ARN }, 'NON_COMPLIANT', `Table is encrypted with ${KEY_ARN}, which kmsKeyArns does not list`],
    ['an alias in kmsKeyArns, which only KMS resolves', KMS_TABLE, { kmsKeyArns: 'arn:aws:kms:us-east-2:123456789012:alias/tables' }, 'NOT_APPLICABLE',
      `Table is encrypted with ${KEY_ARN}; whether kmsKeyArns (arn:aws:kms:us-east-2:123456789012:alias/tables) lists it needs KMS to resolve aliases, which an offline evaluation cannot do`],
  ])('%s', (_, raw, parameters, complianceType, annotation) => {
    expect(verdict(raw, 'dynamodb-table-encrypted-kms', parameters)).toEqual({ complianceType, annotation });
  });
});

describe('lambda-function-public-access-prohibited', () => {
  const RULE = 'lambda-function-public-access-prohibited';
  const FUNCTION_ARN = SELECTED_LAMBDA.configuration.functionArn;
  const invoke = (statement: Record<string, unknown>) => ({ Sid: 'Grant', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: FUNCTION_ARN, ...statement });
  const withPolicy = (Statement: unknown) => withSupplementary(LAMBDA_SELECTED, {
    ...LAMBDA_SELECTED.supplementaryConfiguration, Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement }),
  });
  const PUBLIC = { complianceType: 'NON_COMPLIANT', annotation: 'Function policy statement Grant allows public access' };
  const NOT_PUBLIC = { complianceType: 'COMPLIANT', annotation: 'Function policy allows no public access' };
  const anyone = (Condition?: unknown) => withPolicy([invoke({ Principal: '*', ...(Condition ? { Condition } : {}) })]);

  test('the RDK function has no function policy: COMPLIANT', () => {
    expect(verdict(LAMBDA, RULE)).toEqual({ complianceType: 'COMPLIANT', annotation: 'No function policy' });
    expect(verdict(withSupplementary(LAMBDA_SELECTED, { Policy: null }), RULE)).toEqual({ complianceType: 'COMPLIANT', annotation: 'No function policy' });
  });

  test('the select-resource-config function grants API Gateway, with ArnLike AWS:SourceArn conditions, from a policy in JSON text: COMPLIANT', () => {
    expect(verdict(LAMBDA_SELECTED, RULE)).toEqual(NOT_PUBLIC);
  });

  test('the same policy in a get-resource-config-history item (its text JSON-encoded once more) and as an object is read alike', () => {
    expect(verdict(asHistoryItem(withPolicy([invoke({ Principal: { AWS: '*' } })])), RULE)).toEqual(PUBLIC);
    const policyObject = { Version: '2012-10-17', Statement: invoke({ Principal: '*' }) };
    expect(verdict(withSupplementary(LAMBDA_SELECTED, { Policy: policyObject }), RULE)).toEqual(PUBLIC);
  });

  test.each([
    ['Principal "*"', anyone()],
    ['Principal {"AWS": "*"}', withPolicy([invoke({ Principal: { AWS: '*' } })])],
    ['an empty principal', withPolicy([invoke({ Principal: '' })])],
    ['a principal with no values', withPolicy([invoke({ Principal: {} })])],
    ['a wildcard inside a principal ARN', withPolicy([invoke({ Principal: { AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::*:root'] } })])],
    ['an Allow with NotPrincipal (everyone but the principals named)', withPolicy([invoke({ NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' } })])],
    ['a wildcard principal with a wildcard source ARN', anyone({ ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-2:644160558196:*' } })],
    ['a wildcard principal with a policy variable as the organization', anyone({ StringEquals: { 'aws:PrincipalOrgID': '${aws:PrincipalTag/org}' } })],
    ['a wildcard principal with a negated condition', anyone({ StringNotEquals: { 'aws:SourceAccount': '644160558196' } })],
    ['a wildcard principal with a condition that does not confine the caller (a function URL without auth)',
      withPolicy([invoke({ Principal: '*', Action: 'lambda:InvokeFunctionUrl', Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } })])],
    ['a wildcard principal with an empty source account', anyone({ StringEquals: { 'aws:SourceAccount': '' } })],
    ['a wildcard principal with no source account values', anyone({ StringEquals: { 'aws:SourceAccount': [] } })],
    ['a wildcard principal with a malformed condition', anyone({ StringEquals: 'aws:SourceAccount' })],
  ])('public: %s', (_, raw) => {
    expect(verdict(raw, RULE)).toEqual(PUBLIC);
  });

  test.each([
    ['an account principal', withPolicy([invoke({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } })])],
    ['a wildcard principal confined to a fixed source account', anyone({ StringEquals: { 'AWS:SourceAccount': '644160558196' } })],
    ['a wildcard principal confined to an organization, with ForAnyValue', anyone({ 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } })],
    ['a Deny to everyone', withPolicy([invoke({ Effect: 'Deny', Principal: '*' })])],
    ['Amazon S3 with a fixed AWS:SourceAccount', withPolicy([invoke({
      Principal: { Service: 's3.amazonaws.com' },
      Condition: { StringEquals: { 'AWS:SourceAccount': '644160558196' }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' } },
    })])],
    ['an empty statement list', withPolicy([])],
  ])('not public: %s', (_, raw) => {
    expect(verdict(raw, RULE)).toEqual(NOT_PUBLIC);
  });

  test('Amazon S3 as the principal without an AWS:SourceAccount condition is NON_COMPLIANT, though its source ARN is fixed', () => {
    const s3 = withPolicy([invoke({ Principal: { Service: 's3.amazonaws.com' }, Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' } } })]);
    expect(verdict(s3, RULE)).toEqual({
      complianceType: 'NON_COMPLIANT', annotation: 'Function policy statement Grant lets Amazon S3 invoke the function without an AWS:SourceAccount condition',
    });
  });

  test('a statement without a Sid is named by its place; the first public statement is the one named', () => {
    const { Sid: _, ...unnamed } = invoke({ Principal: '*' });
    expect(verdict(withPolicy([invoke({ Principal: { Service: 'apigateway.amazonaws.com' } }), unnamed, invoke({ Principal: '*' })]), RULE)).toEqual({
      complianceType: 'NON_COMPLIANT', annotation: 'Function policy statement #2 allows public access',
    });
  });

  test('a policy that is not a JSON policy document is NOT_APPLICABLE, not a guess', () => {
    expect(verdict(withSupplementary(LAMBDA_SELECTED, { Policy: 'not JSON' }), RULE)).toEqual({
      complianceType: 'NOT_APPLICABLE', annotation: 'Function policy is not a readable policy document',
    });
  });
});

describe('lambda-function-settings-check', () => {
  const RULE = 'lambda-function-settings-check';
  const ROLE_ARN = 'arn:aws:iam::823362693882:role/lambda_basic_execution';

  test.each([
    ['the RDK function: its runtime, and the default timeout (3) and memory size (128)', LAMBDA, { runtime: 'nodejs6.10' }, 'COMPLIANT',
      'Function runtime, role, timeout and memory size are as expected'],
    ['a runtime the list does not name', LAMBDA, { runtime: 'nodejs20.x, python3.12' }, 'NON_COMPLIANT',
      'Function settings: runtime nodejs6.10 is not one of nodejs20.x, python3.12'],
    ['the select-resource-config function: timeout 60 against the default 3', LAMBDA_SELECTED, { runtime: 'go1.x' }, 'NON_COMPLIANT',
      'Function settings: timeout is 60 s, not 3'],
    ['timeout given', LAMBDA_SELECTED, { runtime: 'go1.x', timeout: '60' }, 'COMPLIANT', 'Function runtime, role, timeout and memory size are as expected'],
    ['memorySize given', LAMBDA, { runtime: 'nodejs6.10', memorySize: '256' }, 'NON_COMPLIANT', 'Function settings: memory size is 128 MB, not 256'],
    ['the role by name', LAMBDA, { runtime: 'nodejs6.10', role: 'lambda_basic_execution' }, 'COMPLIANT',
      'Function runtime, role, timeout and memory size are as expected'],
    ['the role by ARN', LAMBDA, { runtime: 'nodejs6.10', role: ROLE_ARN }, 'COMPLIANT', 'Function runtime, role, timeout and memory size are as expected'],
    ['another role by name', LAMBDA, { runtime: 'nodejs6.10', role: 'deployer' }, 'NON_COMPLIANT', `Function settings: role ${ROLE_ARN} is not deployer`],
    ['another role by ARN', LAMBDA, { runtime: 'nodejs6.10', role: 'arn:aws:iam::823362693882:role/service-role/lambda_basic_execution' }, 'NON_COMPLIANT',
      `Function settings: role ${ROLE_ARN} is not arn:aws:iam::823362693882:role/service-role/lambda_basic_execution`],
    ['every setting off, each named', LAMBDA_SELECTED, { runtime: 'nodejs20.x', role: 'deployer', memorySize: '512' }, 'NON_COMPLIANT',
      'Function settings: runtime go1.x is not one of nodejs20.x; role arn:aws:iam::644160558196:role/SSM-Register-API is not deployer; ' +
      'timeout is 60 s, not 3; memory size is 128 MB, not 512'],
    ['a function of package type Image', withConfiguration(LAMBDA, { packageType: 'Image', runtime: undefined }), { runtime: 'nodejs20.x' }, 'NOT_APPLICABLE',
      'Function is a container image (package type Image), which the rule ignores'],
    ['a function on an OS-only runtime', withConfiguration(LAMBDA, { runtime: 'provided.al2023' }), { runtime: 'nodejs20.x' }, 'NOT_APPLICABLE',
      'Function runs on the OS-only runtime provided.al2023, which the rule ignores'],
    ['no runtime recorded', withConfiguration(LAMBDA, { runtime: undefined }), { runtime: 'nodejs20.x' }, 'NOT_APPLICABLE', 'Function runtime not recorded'],
    ['no role recorded, with role', withConfiguration(LAMBDA, { role: undefined }), { runtime: 'nodejs6.10', role: 'deployer' }, 'NOT_APPLICABLE',
      'Function role not recorded'],
    ['no timeout recorded', withConfiguration(LAMBDA, { timeout: undefined }), { runtime: 'nodejs6.10' }, 'NOT_APPLICABLE', 'Function timeout not recorded'],
    ['no memory size recorded', withConfiguration(LAMBDA, { memorySize: undefined }), { runtime: 'nodejs6.10' }, 'NOT_APPLICABLE', 'Function memory size not recorded'],
    ['the RDK function as get-resource-config-history writes it', asHistoryItem(LAMBDA), { runtime: 'nodejs6.10' }, 'COMPLIANT',
      'Function runtime, role, timeout and memory size are as expected'],
  ])('%s', (_, raw, parameters, complianceType, annotation) => {
    expect(verdict(raw, RULE, parameters)).toEqual({ complianceType, annotation });
  });

  test('runtime is required: without it the rule is refused, naming the parameter', () => {
    expect(() => compileRule({ ruleName: RULE, parameters: { timeout: '30' } })).toThrow(RuleSpecError);
    expect(() => compileRule({ ruleName: RULE, parameters: { timeout: '30' } })).toThrow('rule "lambda-function-settings-check": parameter "runtime" is required');
  });
});

describe('sns-encrypted-kms', () => {
  const RULE = 'sns-encrypted-kms';
  const KEY_ID = SNS_KEY.slice(SNS_KEY.lastIndexOf('/') + 1);
  const withKey = (KmsMasterKeyId: string) => withConfiguration(SNS_EVENT, { KmsMasterKeyId });
  const NOT_ENCRYPTED = { complianceType: 'NON_COMPLIANT', annotation: 'Topic is not encrypted with AWS KMS (no KmsMasterKeyId)' };
  const unresolved = (keyId: string, listed: string) => ({
    complianceType: 'NOT_APPLICABLE',
    annotation: `Topic is encrypted with ${keyId}; whether kmsKeyIds (${listed}) lists it needs KMS to resolve aliases, which an offline evaluation cannot do`,
  });

  test.each([
    ['the invocation item (1.3), without KmsMasterKeyId', SNS_EVENT, {}, NOT_ENCRYPTED],
    ['the RDK topic', SNS_RDK, {}, NOT_ENCRYPTED],
    ['the second select-resource-config topic', SNS_SELECTED[1], {}, NOT_ENCRYPTED],
    ['an empty KmsMasterKeyId', withKey(''), {}, NOT_ENCRYPTED],
    ['the first select-resource-config topic, with a key ARN', SNS_SELECTED[0], {}, { complianceType: 'COMPLIANT', annotation: `Topic is encrypted with ${SNS_KEY}` }],
    ['kmsKeyIds lists its key ARN', SNS_SELECTED[0], { kmsKeyIds: SNS_KEY }, { complianceType: 'COMPLIANT', annotation: `Topic is encrypted with ${SNS_KEY}` }],
    ['kmsKeyIds lists its key id', SNS_SELECTED[0], { kmsKeyIds: `alias/other, ${KEY_ID}` }, { complianceType: 'COMPLIANT', annotation: `Topic is encrypted with ${SNS_KEY}` }],
    ['kmsKeyIds lists another key only', SNS_SELECTED[0], { kmsKeyIds: '1234abcd-12ab-34cd-56ef-1234567890ab' },
      { complianceType: 'NON_COMPLIANT', annotation: `Topic is encrypted with ${SNS_KEY}, which kmsKeyIds does not list` }],
    ['kmsKeyIds lists an alias, which only KMS resolves to a key', SNS_SELECTED[0], { kmsKeyIds: 'alias/relay' }, unresolved(SNS_KEY, 'alias/relay')],
    ['the topic names its key by alias, kmsKeyIds lists the alias name', withKey('alias/aws/sns'), { kmsKeyIds: 'alias/aws/sns' },
      { complianceType: 'COMPLIANT', annotation: 'Topic is encrypted with alias/aws/sns' }],
    ['the topic names its key by alias, kmsKeyIds lists the alias ARN', withKey('alias/aws/sns'), { kmsKeyIds: 'arn:aws:kms:us-east-1:123456789123:alias/aws/sns' },
      { complianceType: 'COMPLIANT', annotation: 'Topic is encrypted with alias/aws/sns' }],
    ['the topic names its key by alias, kmsKeyIds lists another alias', withKey('alias/aws/sns'), { kmsKeyIds: 'alias/relay' },
      { complianceType: 'NON_COMPLIANT', annotation: 'Topic is encrypted with alias/aws/sns, which kmsKeyIds does not list' }],
    ['the topic names its key by alias, kmsKeyIds lists a key', withKey('alias/aws/sns'), { kmsKeyIds: SNS_KEY }, unresolved('alias/aws/sns', SNS_KEY)],
    ['two key ARNs of one id in different regions are different keys', SNS_SELECTED[0], { kmsKeyIds: SNS_KEY.replace('ap-northeast-2', 'eu-west-1') },
      { complianceType: 'NON_COMPLIANT', annotation: `Topic is encrypted with ${SNS_KEY}, which kmsKeyIds does not list` }],
  ])('%s', (_, raw, parameters, expected) => {
    expect(verdict(raw, RULE, parameters)).toEqual(expected);
  });
});

describe('secretsmanager-rotation-enabled-check', () => {
  const RULE = 'secretsmanager-rotation-enabled-check';
  const rotating = (RotationRules?: Record<string, unknown>) => withConfiguration(SECRET_EVENT, { RotationEnabled: true, RotationRules });
  const NOT_SCHEDULED = { complianceType: 'NON_COMPLIANT', annotation: 'Secret is not scheduled for rotation (RotationEnabled false)' };

  test.each([
    ['the invocation item (1.3), RotationEnabled false', SECRET_EVENT, {}, NOT_SCHEDULED],
    ['the history item (configuration as JSON text)', SECRET_HISTORY, { maximumAllowedRotationFrequency: '30' }, NOT_SCHEDULED],
    ['rotation on, no maximum', rotating(), {}, { complianceType: 'COMPLIANT', annotation: 'Rotation is enabled' }],
    ['no RotationEnabled recorded', withConfiguration(SECRET_EVENT, { RotationEnabled: undefined }), {},
      { complianceType: 'NOT_APPLICABLE', annotation: 'Secret rotation status not recorded' }],
    ['every 30 days, at most 30', rotating({ AutomaticallyAfterDays: 30 }), { maximumAllowedRotationFrequency: '30' },
      { complianceType: 'COMPLIANT', annotation: 'Rotation is enabled, every 30 days' }],
    ['every 90 days, at most 30', rotating({ AutomaticallyAfterDays: 90 }), { maximumAllowedRotationFrequency: '30' },
      { complianceType: 'NON_COMPLIANT', annotation: 'Secret rotates every 90 days, less often than the maximum of 30 days' }],
    ['rate(10 days), at most 30 days', rotating({ RotationScheduleExpression: 'rate(10 days)', AutomaticallyAfterDays: 10 }), { maximumAllowedRotationFrequency: '30' },
      { complianceType: 'COMPLIANT', annotation: 'Rotation is enabled, every 10 days' }],
    ['rate(1 day), at most 12 hours', rotating({ RotationScheduleExpression: 'rate(1 day)' }), { maximumAllowedRotationFrequencyInHours: '12' },
      { complianceType: 'NON_COMPLIANT', annotation: 'Secret rotates every 1 day, less often than the maximum of 12 hours' }],
    ['rate(4 hours), at most 1 day', rotating({ RotationScheduleExpression: 'rate(4 hours)' }), { maximumAllowedRotationFrequency: '1' },
      { complianceType: 'COMPLIANT', annotation: 'Rotation is enabled, every 4 hours' }],
    ['AutomaticallyAfterHours 12, at most 24 hours', rotating({ AutomaticallyAfterHours: 12 }), { maximumAllowedRotationFrequencyInHours: '24' },
      { complianceType: 'COMPLIANT', annotation: 'Rotation is enabled, every 12 hours' }],
    ['with both maximums, the secret must meet both', rotating({ AutomaticallyAfterDays: 1 }), { maximumAllowedRotationFrequency: '7', maximumAllowedRotationFrequencyInHours: '12' },
      { complianceType: 'NON_COMPLIANT', annotation: 'Secret rotates every 1 day, less often than the maximum of 12 hours' }],
    ['a cron schedule, whose interval is not one number', rotating({ RotationScheduleExpression: 'cron(0 16 1,15 * ? *)' }), { maximumAllowedRotationFrequency: '30' },
      { complianceType: 'NOT_APPLICABLE', annotation: 'Rotation schedule cron(0 16 1,15 * ? *) is not a rate, and an offline evaluation does not compute its interval' }],
    ['rotation on, no schedule recorded', rotating(), { maximumAllowedRotationFrequency: '30' },
      { complianceType: 'NOT_APPLICABLE', annotation: 'Rotation is enabled; its schedule is not recorded' }],
  ])('%s', (_, raw, parameters, expected) => {
    expect(verdict(raw, RULE, parameters)).toEqual(expected);
  });
});

describe('elb-logging-enabled', () => {
  const RULE = 'elb-logging-enabled';
  const classicLog = (accessLog: Record<string, unknown>) => withSupplementary(CLB, {
    ...CLB.supplementaryConfiguration, LoadBalancerAttributes: { ...CLB.supplementaryConfiguration.LoadBalancerAttributes, accessLog },
  });
  const DISABLED = { complianceType: 'NON_COMPLIANT', annotation: 'Access logging is disabled' };
  const NOT_RECORDED = { complianceType: 'NOT_APPLICABLE', annotation: 'Access log attributes not recorded' };
  const logsTo = (bucket: string) => ({ complianceType: 'COMPLIANT', annotation: `Access logs go to S3 bucket ${bucket}` });
  const notListed = (bucket: string) => ({ complianceType: 'NON_COMPLIANT', annotation: `Access logs go to S3 bucket ${bucket}, which s3BucketNames does not list` });
  const CLASSIC_LOGGING = classicLog({ enabled: true, s3BucketName: 'clb-logs', emitInterval: 60, s3BucketPrefix: 'CLB1' });
  const notEvaluated = (type: string) => ({
    complianceType: 'NOT_APPLICABLE', annotation: `A ${type} load balancer: the rule applies to Application and Classic Load Balancers only`,
  });

  test.each([
    ['the RDK Classic LB, accessLog disabled', CLB, {}, DISABLED],
    ['a Classic LB logging to a bucket', CLASSIC_LOGGING, {}, logsTo('clb-logs')],
    ['a Classic LB logging to a listed bucket', CLASSIC_LOGGING, { s3BucketNames: 'elb-access-logs-us-east-1,clb-logs' }, logsTo('clb-logs')],
    ['a Classic LB logging to another bucket', CLASSIC_LOGGING, { s3BucketNames: 'elb-access-logs-us-east-1' }, notListed('clb-logs')],
    ['a Classic LB as get-resource-config-history writes it', asHistoryItem(CLASSIC_LOGGING), {}, logsTo('clb-logs')],
    ['a Classic LB logging, no bucket recorded', classicLog({ enabled: true }), {}, { complianceType: 'COMPLIANT', annotation: 'Access logging is enabled' }],
    ['a Classic LB logging, no bucket recorded, with s3BucketNames', classicLog({ enabled: true }), { s3BucketNames: 'clb-logs' },
      { complianceType: 'NOT_APPLICABLE', annotation: 'Access logging is enabled; its S3 bucket is not recorded' }],
    ['a Classic LB without LoadBalancerAttributes', withSupplementary(CLB, { Tags: [] }), {}, NOT_RECORDED],
    ['the history ALB (1.2, JSON text), logging to elb-access-logs-us-east-1', ALB_HISTORY, {}, logsTo('elb-access-logs-us-east-1')],
    ['the history ALB, its bucket listed', ALB_HISTORY, { s3BucketNames: 'elb-access-logs-us-east-1' }, logsTo('elb-access-logs-us-east-1')],
    ['the history ALB, its bucket not listed', ALB_HISTORY, { s3BucketNames: 'central-logs' }, notListed('elb-access-logs-us-east-1')],
    ['the invocation ALB (1.3), access_logs.s3.enabled false', ALB_EVENT, { s3BucketNames: 'central-logs' }, DISABLED],
    ['an ALB without the access_logs.s3.enabled attribute', withSupplementary(ALB_EVENT, {
      LoadBalancerAttributes: ALB_EVENT.supplementaryConfiguration.LoadBalancerAttributes.filter((a: any) => a.key !== 'access_logs.s3.enabled'),
    }), {}, NOT_RECORDED],
    ['a Network Load Balancer', withConfiguration(ALB_EVENT, { type: 'network' }), {}, notEvaluated('network')],
    ['a Gateway Load Balancer', withConfiguration(ALB_EVENT, { type: 'gateway' }), {}, notEvaluated('gateway')],
  ])('%s', (_, raw, parameters, expected) => {
    expect(verdict(raw, RULE, parameters)).toEqual(expected);
  });
});

describe('malformed items', () => {
  const SPECS: RuleSpec[] = [
    { ruleName: 'dynamodb-pitr-enabled' },
    { ruleName: 'dynamodb-table-encrypted-kms', parameters: { kmsKeyArns: 'arn:aws:kms:us-east-1:123456789012:key/k, alias/a' } },
    { ruleName: 'lambda-function-public-access-prohibited' },
    { ruleName: 'lambda-function-settings-check', parameters: { runtime: 'go1.x', role: 'r' } },
    { ruleName: 'sns-encrypted-kms', parameters: { kmsKeyIds: 'alias/a, k' } },
    { ruleName: 'secretsmanager-rotation-enabled-check', parameters: { maximumAllowedRotationFrequency: '30', maximumAllowedRotationFrequencyInHours: '48' } },
    { ruleName: 'elb-logging-enabled', parameters: { s3BucketNames: 'logs' } },
  ];
  const RULES = SPECS.map((spec) => compileRule(spec));
  const wild = fc.oneof(fc.anything(), fc.constantFrom('*', '', 'true', 'ENABLED', 'KMS', 'Image', 'network', 'rate(5 days)', 'alias/a', 'Allow'));
  const optional = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(model, { requiredKeys: [] });
  const condition = fc.dictionary(fc.constantFrom('StringEquals', 'ForAnyValue:StringLike', 'Null'),
    fc.oneof(wild, fc.dictionary(fc.constantFrom('aws:SourceAccount', 'x'), wild)));
  const statement = optional({
    Effect: wild,
    Principal: fc.oneof(wild, fc.dictionary(fc.constantFrom('AWS', 'Service'), wild)),
    NotPrincipal: wild,
    Condition: fc.oneof(wild, condition),
    Sid: wild,
  });
  const policyText = fc.record({ Statement: fc.oneof(wild, statement, fc.array(statement)) }).map((policy) => JSON.stringify(policy) ?? '');
  const attributeList = fc.array(fc.record({ key: fc.oneof(wild, fc.constantFrom('access_logs.s3.enabled', 'access_logs.s3.bucket')), value: wild }));
  const raw = fc.record({
    resourceType: fc.constantFrom('AWS::DynamoDB::Table', 'AWS::Lambda::Function', 'AWS::SNS::Topic', 'AWS::SecretsManager::Secret',
      'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer'),
    resourceId: fc.constant('r-1'),
    configurationItemStatus: fc.constant('OK'),
    configuration: optional({
      ssedescription: fc.oneof(wild, optional({ status: wild, ssetype: wild, kmsmasterKeyArn: wild })),
      packageType: wild,
      runtime: wild,
      role: wild,
      timeout: wild,
      memorySize: wild,
      KmsMasterKeyId: wild,
      RotationEnabled: wild,
      type: wild,
      RotationRules: fc.oneof(wild, optional({ RotationScheduleExpression: wild, AutomaticallyAfterHours: wild, AutomaticallyAfterDays: wild })),
    }),
    supplementaryConfiguration: optional({
      ContinuousBackupsDescription: fc.oneof(wild, fc.record({
        pointInTimeRecoveryDescription: fc.oneof(wild, fc.record({ pointInTimeRecoveryStatus: wild })),
      })),
      Policy: fc.oneof(wild, policyText),
      LoadBalancerAttributes: fc.oneof(wild, attributeList, fc.record({
        accessLog: fc.oneof(wild, fc.record({ enabled: wild, s3BucketName: wild })),
      })),
    }),
  });

  test('items of any shape in the places these rules read never throw, and get one short line', () => {
    fc.assert(fc.property(raw, (candidate) => {
      for (const rule of RULES) {
        const { complianceType, annotation } = evaluate(candidate, rule);
        expect(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE']).toContain(complianceType);
        expect(annotation.length).toBeLessThanOrEqual(ANNOTATION_MAX_LENGTH);
      }
    }), { numRuns: 2000 });
  });
});

describe('the CLI evaluates the family on a snapshot, with the rules under AWS names and parameters', () => {
  const scratch = scratchDirectory('services-cli-');

  test('every item gets the verdict of its rules', async () => {
    const snapshot = scratch.write('snapshot.json', {
      fileVersion: '1.0',
      configurationItems: [DYNAMODB, LAMBDA, LAMBDA_SELECTED, SNS_EVENT, SNS_RDK, SNS_SELECTED[0], SECRET_EVENT, CLB, ALB_HISTORY, ALB_EVENT],
    });
    const rules = scratch.write('rules.json', {
      rules: [
        { name: 'dynamodb-pitr-enabled' },
        { name: 'dynamodb-table-encrypted-kms', parameters: { kmsKeyArns: 'arn:aws:kms:us-east-2:123456789012:key/0f3c8a4e-9b1d-4c2e-8f6a-1d2e3f4a5b6c' } },
        { name: 'lambda-function-public-access-prohibited' },
        { name: 'lambda-function-settings-check', parameters: { runtime: 'go1.x,nodejs20.x', timeout: '60', memorySize: '128' } },
        { name: 'sns-encrypted-kms', parameters: { kmsKeyIds: SNS_KEY } },
        { name: 'secretsmanager-rotation-enabled-check', parameters: { maximumAllowedRotationFrequency: '30' } },
        { name: 'elb-logging-enabled', parameters: { s3BucketNames: 'elb-access-logs-us-east-1' } },
      ],
    });
    const { code, report } = await runCli(['evaluate', '--rules', rules, snapshot]);
    expect(code).toBe(EXIT_NON_COMPLIANT);
    const verdicts = report.evaluations.map((e: any) => `${e.configRuleName} ${e.resourceId} ${e.complianceType}`).sort();
    const ALB_HISTORY_ARN = 'arn:aws:elasticloadbalancing:us-east-1:644160558196:loadbalancer/app/Migration-QAEAST-ELB/6b0fe08b851e2aa';
    const ALB_EVENT_ARN = 'arn:aws:elasticloadbalancing:us-east-1:644160558196:loadbalancer/app/test/7299960b1f36557d';
    expect(verdicts).toEqual([
      'dynamodb-pitr-enabled test NON_COMPLIANT',
      'dynamodb-table-encrypted-kms test NON_COMPLIANT',
      'elb-logging-enabled CLB1 NON_COMPLIANT',
      `elb-logging-enabled ${ALB_HISTORY_ARN} COMPLIANT`,
      `elb-logging-enabled ${ALB_EVENT_ARN} NON_COMPLIANT`,
      'lambda-function-public-access-prohibited omnissm-handle-registrations COMPLIANT',
      'lambda-function-public-access-prohibited test-function COMPLIANT',
      'lambda-function-settings-check omnissm-handle-registrations COMPLIANT',
      'lambda-function-settings-check test-function NON_COMPLIANT',
      'secretsmanager-rotation-enabled-check arn:aws:secretsmanager:us-east-1:111111111111:secret:config-test-secret-Tn8fX8 NON_COMPLIANT',
      'sns-encrypted-kms arn:aws:sns:ap-northeast-2:644160558196:sandbox-relay COMPLIANT',
      'sns-encrypted-kms arn:aws:sns:us-east-1:123456789012:topic NON_COMPLIANT',
      'sns-encrypted-kms arn:aws:sns:us-east-1:123456789123:my-sns-topic NON_COMPLIANT',
    ].sort());
  });
});
