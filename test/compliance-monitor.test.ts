import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, aws_events as events, aws_events_targets as targets, aws_kms as kms, aws_lambda as lambda, aws_logs as logs, aws_sqs as sqs, CfnParameter, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  ComplianceMonitor, ComplianceMonitorProps, ComplianceRule, Evaluator, Exemption, RecordingFrequency, RemediationMode, ReportPeriod, RuleSet,
  Severity,
} from '../src';
import { EMAILS, synth } from './support/monitor';
import { deployedRules } from '../src/core/settings/settings';
import { FINDINGS_TABLE_SCHEMA } from '../src/core/storage/findings-schema';
import { handlerCode } from '../src/functions/handler-code';

/*
 * Requirement (issue 4) → test that fails if it breaks
 *
 * | requirement                                                     | describe › test                                            |
 * | --------------------------------------------------------------- | ---------------------------------------------------------- |
 * | suffix validated against every derived name's limit             | props › environmentSuffix ...                              |
 * | alertEmails: at least one, each valid                           | props › alertEmails ...                                    |
 * | recorder options with an existing recorder throw                | props › recorder options with useExisting                  |
 * | rules default to RuleSet.recommended()                          | Config › one rule per rule of the set                      |
 * | retention defaults: reports/findings 7 y, logs 30 d, archive 90 d | defaults › retention                                     |
 * | schedules 6 h / daily, threshold 90 %, remediation dry-run      | defaults › schedules / alarms / remediation                |
 * | (issue 5) remediation per rule, least privilege per fix, APPLY  | defaults › remediation: ...                                |
 * | (issue 5) alert severity and digest threshold                   | defaults › alerts: ...                                     |
 * | (issue 5) exemptions: to the analyzer, validated, size-checked  | exemptions › ...                                           |
 * | removal policy destroy (emptied) by default, retain on demand   | removal policy › ...                                       |
 * | existing encryption key, Lambda overrides, tags                 | overrides › ...                                            |
 * | KMS key: rotation, logs (context), SNS, Config, alarms, account | KMS key › ...                                              |
 * | buckets: KMS, versioning, BPA, TLS, access logs, lifecycle      | buckets › ...                                              |
 * | delivery bucket policy exactly as Config requires               | buckets › the delivery bucket admits AWS Config ...        |
 * | findings table: on demand, keys, PITR, KMS, TTL, index          | findings table › ...                                       |
 * | SNS: KMS, e-mail subscriptions with a KMS DLQ, TLS-only policy  | alerts › ...                                               |
 * | Lambdas: runtime, DLQ + retries, log groups, own least roles    | functions › ...                                            |
 * | Config recorder, delivery channel (no topic), no mutual wait    | Config › ...                                               |
 * | Config rules: names, MANAGED/ENGINE/CUSTOM, invoke permission   | Config › ...                                               |
 * | aggregator                                                      | Config › an account aggregator ...                         |
 * | EventBridge: scan, compliance change, report                    | events › ...                                               |
 * | dashboard and alarms to the topic                               | observability › ...                                        |
 * | outputs, tags on every taggable resource, names with suffix     | outputs and tags › ...                                     |
 * | cdk-nag AwsSolutions + NIST 800-53 r5: acknowledged list frozen | test/nag.test.ts                                           |
 */


/** IAM's global resource types, as the recorder records them in one region. */
const IAM_TYPES = ['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy'];

const defaults = synth();
const template = defaults.template;

function resourcesOf(type: string, from: Template = template): Array<{ id: string; properties: any; resource: any }> {
  return Object.entries(from.findResources(type)).map(([id, resource]) => ({ id, properties: resource.Properties, resource }));
}

function logicalId(construct: { node: { defaultChild?: unknown } }, stack: Stack = defaults.stack): string {
  return stack.getLogicalId(construct.node.defaultChild as any);
}

/** Every statement of every IAM policy attached to a role. */
function statementsOfRole(roleId: string, from: Template = template): any[] {
  return resourcesOf('AWS::IAM::Policy', from)
    .filter(({ properties }) => properties.Roles.some((role: any) => role.Ref === roleId))
    .flatMap(({ properties }) => properties.PolicyDocument.Statement);
}

function actionsOf(statements: any[]): string[] {
  return statements.flatMap((statement) => [statement.Action].flat()).sort();
}

describe('props', () => {
  test.each([
    ['Prod', /lowercase letters, digits and inner hyphens/],
    ['', /lowercase letters, digits and inner hyphens/],
    ['-prod', /lowercase letters, digits and inner hyphens/],
    ['prod_1', /lowercase letters, digits and inner hyphens/],
    ['a'.repeat(16), /16 characters: at most 15 keep the bucket name "compliance-reports-a{16}-\{account\}-\{region\}" within S3's 63-character limit/],
  ])('environmentSuffix %j is rejected, naming the prop and the limit', (environmentSuffix, message) => {
    expect(() => synth({ environmentSuffix })).toThrow(/^environmentSuffix /);
    expect(() => synth({ environmentSuffix })).toThrow(message);
  });

  test('environmentSuffix of 15 characters fits the reports bucket name in the longest region, us-isof-south-1', () => {
    const suffix = 'a'.repeat(15);
    const { template: longest } = synth({ environmentSuffix: suffix });
    const names = resourcesOf('AWS::S3::Bucket', longest).map(({ properties }) =>
      properties.BucketName['Fn::Join'][1].map((part: any) =>
        part.Ref === 'AWS::AccountId' ? '123456789012' : part.Ref === 'AWS::Region' ? 'us-isof-south-1' : part).join(''));
    expect(names.sort()).toEqual([`compliance-config-${suffix}-123456789012-us-isof-south-1`,
      `compliance-logs-${suffix}-123456789012-us-isof-south-1`, `compliance-reports-${suffix}-123456789012-us-isof-south-1`]);
    expect(Math.max(...names.map((name: string) => name.length))).toBe(63);
  });

  test('environmentSuffix may not be a token: names are checked at synth', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const suffix = new CfnParameter(stack, 'Suffix').valueAsString;
    expect(() => new ComplianceMonitor(stack, 'Compliance', { environmentSuffix: suffix, alertEmails: EMAILS }))
      .toThrow(/^environmentSuffix is a token .*: .*give a literal string, e.g. "prod"/);
  });

  test('alertEmails may not list an address twice (SNS would refuse the second subscription)', () => {
    expect(() => synth({ alertEmails: ['secops@example.com', 'oncall@example.com', 'SecOps@Example.com'] }))
      .toThrow('alertEmails lists "SecOps@Example.com" twice: list each address once.');
  });

  test('rules may not be an empty set (the rules\' IAM statement would be empty at deploy)', () => {
    const empty = 'rules is an empty rule set: give at least one rule, e.g. RuleSet.recommended() or RuleSet.of(ComplianceRule.restrictedSsh()).';
    expect(() => synth({ rules: RuleSet.of() })).toThrow(empty);
    expect(() => synth({ rules: RuleSet.of(ComplianceRule.restrictedSsh()).withoutRules('restricted-ssh') })).toThrow(empty);
  });

  test('functions.runtime must be Node.js: the handlers are Node.js bundles', () => {
    expect(() => synth({ functions: { runtime: lambda.Runtime.PYTHON_3_12 } }))
      .toThrow('functions.runtime is python3.12: the monitor\'s handlers are Node.js bundles; use a Node.js runtime, e.g. lambda.Runtime.NODEJS_24_X, or omit it for the default.');
  });

  test('two monitors that create recorders for one account and region throw, pointing to recorder.useExisting', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new ComplianceMonitor(stack, 'Prod', { environmentSuffix: 'prod', alertEmails: EMAILS });
    expect(() => new ComplianceMonitor(stack, 'Dev', { environmentSuffix: 'dev', alertEmails: EMAILS }))
      .toThrow('recorder: Stack/Prod/ConfigRecorder already creates the AWS Config recorder for the deploying account in the deploying region, ' +
        'and AWS allows one recorder and one delivery channel per account and region: give Stack/Dev recorder: { useExisting: true }.');
    new ComplianceMonitor(stack, 'Staging', { environmentSuffix: 'staging', alertEmails: EMAILS, recorder: { useExisting: true } });
  });

  test('two stacks of one app for the same account and region are one target; another region is not', () => {
    const app = new App();
    const env = { account: '123456789012', region: 'eu-west-1' };
    new ComplianceMonitor(new Stack(app, 'First', { env }), 'Monitor', { environmentSuffix: 'a', alertEmails: EMAILS });
    expect(() => new ComplianceMonitor(new Stack(app, 'Second', { env }), 'Monitor', { environmentSuffix: 'b', alertEmails: EMAILS }))
      .toThrow(/^recorder: First\/Monitor\/ConfigRecorder already creates the AWS Config recorder for 123456789012 in eu-west-1/);
    new ComplianceMonitor(new Stack(app, 'Elsewhere', { env: { ...env, region: 'eu-central-1' } }), 'Monitor', { environmentSuffix: 'c', alertEmails: EMAILS });
  });

  test('an exemption already expired is a synth warning naming the rule', () => {
    const rules = RuleSet.of(
      ComplianceRule.restrictedSsh({ exemptions: [Exemption.ofResources(['sg-1'], { reason: 'RISK-7: migration', expires: '2020-01-31' })] }),
      ComplianceRule.ec2Imdsv2({ exemptions: [Exemption.ofResources(['i-1'], { reason: 'vendor appliance', expires: '2999-12-31' })] }),
    );
    const { stack } = synth({ rules });
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('exemption')).map((warning) => String(warning.entry.data))).toEqual([
      'rules: the exemption of rule "restricted-ssh" (RISK-7: migration) expired on 2020-01-31 and no longer applies: remove it, or set a later expires. ' +
      '[ack: cdk-compliance-monitor:exemptionExpired]',
    ]);
  });

  test('alertEmails must hold at least one address', () => {
    expect(() => synth({ alertEmails: [] })).toThrow('alertEmails is empty: give at least one address');
  });

  test.each(['secops', 'secops@', 'sec ops@example.com', '@example.com', 'secops@example'])('alertEmails rejects %j', (email) => {
    expect(() => synth({ alertEmails: ['ok@example.com', email] })).toThrow(`alertEmails: "${email}" is not an e-mail address`);
  });

  test.each([
    [{ useExisting: true, excludedResourceTypes: ['AWS::EC2::Volume'] }, 'recorder.excludedResourceTypes'],
    [{ useExisting: true, recordingFrequency: RecordingFrequency.DAILY }, 'recorder.recordingFrequency'],
    [{ useExisting: true, globalResourceTypesRegion: 'eu-west-1' }, 'recorder.globalResourceTypesRegion'],
  ])('recorder options with useExisting throw, naming the option', (recorder, option) => {
    expect(() => synth({ recorder })).toThrow(`${option} applies only to a recorder the monitor creates`);
  });

  test.each([-1, 100.5, NaN])('complianceAlarmThreshold %p is rejected', (complianceAlarmThreshold) => {
    expect(() => synth({ complianceAlarmThreshold })).toThrow(`complianceAlarmThreshold is ${complianceAlarmThreshold}: use a percentage from 0 to 100.`);
  });

  test('retention.archiveAfter must come before retention.reports', () => {
    expect(() => synth({ retention: { reports: Duration.days(30), archiveAfter: Duration.days(30) } }))
      .toThrow('retention.archiveAfter (30 days) must be shorter than retention.reports (30 days)');
    expect(() => synth({ retention: { findings: Duration.hours(1) } })).toThrow('retention.findings is 1 hour: use at least one day.');
  });

  test('retention.findings must outlast the period report\'s period', () => {
    expect(() => synth({ retention: { findings: Duration.days(92) } })).toThrow('retention.findings (92 days) is too short for periodReportSchedule '
      + '(a quarter of up to 92 days): the history would expire before the period report reads it. Keep findings at least 93 days, or use ReportPeriod.MONTHLY.');
    expect(() => synth({ retention: { findings: Duration.days(31) }, periodReportSchedule: ReportPeriod.MONTHLY })).toThrow('Keep findings at least 32 days');
    expect(() => synth({ retention: { findings: Duration.days(93) } })).not.toThrow();
  });
});

describe('defaults', () => {
  test('retention: buckets archive at 90 days and expire at 7 years, findings expire through TTL, logs keep 30 days', () => {
    const kmsEncrypted = resourcesOf('AWS::S3::Bucket')
      .filter((bucket) => bucket.properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm === 'aws:kms');
    expect(kmsEncrypted).toHaveLength(2);
    for (const { properties } of kmsEncrypted) {
      expect(properties.LifecycleConfiguration.Rules[0]).toMatchObject({
        ExpirationInDays: 2557,
        Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
      });
    }
    template.hasResourceProperties('AWS::DynamoDB::Table', { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } });
    template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'compliance-analyzer-test', Environment: { Variables: Match.objectLike({ FINDINGS_TTL_DAYS: '2557' }) } });
    expect(resourcesOf('AWS::Logs::LogGroup').map(({ properties }) => properties.RetentionInDays)).toEqual([30, 30, 30]);
  });

  test('custom retention reaches the buckets, the analyzer and the log groups', () => {
    const { template: custom } = synth({
      retention: { reports: Duration.days(365), findings: Duration.days(90), logs: logs.RetentionDays.ONE_YEAR, archiveAfter: Duration.days(30) },
      // 90 days of findings cannot hold a quarter's history: monthly period reports.
      periodReportSchedule: ReportPeriod.MONTHLY,
    });
    custom.hasResourceProperties('AWS::S3::Bucket', { BucketName: Match.anyValue(), LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 365, Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 30 }] })] } });
    custom.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'compliance-analyzer-test', Environment: { Variables: Match.objectLike({ FINDINGS_TTL_DAYS: '90' }) } });
    expect(resourcesOf('AWS::Logs::LogGroup', custom).map(({ properties }) => properties.RetentionInDays)).toEqual([365, 365, 365]);
  });

  test('schedules: the sweep every 6 hours, the report daily; both can be changed', () => {
    template.hasResourceProperties('AWS::Events::Rule', { Name: 'compliance-scan-test', ScheduleExpression: 'rate(6 hours)' });
    template.hasResourceProperties('AWS::Events::Rule', { Name: 'compliance-report-test', ScheduleExpression: 'rate(1 day)' });
    const { template: custom } = synth({ scanSchedule: events.Schedule.rate(Duration.hours(1)), reportSchedule: events.Schedule.cron({ hour: '6', minute: '0' }) });
    custom.hasResourceProperties('AWS::Events::Rule', { Name: 'compliance-scan-test', ScheduleExpression: 'rate(1 hour)' });
    custom.hasResourceProperties('AWS::Events::Rule', { Name: 'compliance-report-test', ScheduleExpression: 'cron(0 6 * * ? *)' });
  });

  test('period reports: quarterly at 12:00 UTC on the first day after the quarter, asking the aggregator for the quarter; monthly on demand', () => {
    const aggregator = logicalId(defaults.monitor.aggregatorFunction);
    const ruleNamed = (name: string, from = template) => resourcesOf('AWS::Events::Rule', from).find(({ properties }) => properties.Name === name)!;
    const periodRule = (from: Template) => ruleNamed('compliance-period-report-test', from);
    expect(periodRule(template).properties).toMatchObject({
      ScheduleExpression: 'cron(0 12 1 1,4,7,10 ? *)',
      Targets: [{
        Arn: { 'Fn::GetAtt': [aggregator, 'Arn'] },
        Input: '{"periodReport":"QUARTER"}',
        RetryPolicy: { MaximumRetryAttempts: 8 },
        // The aggregator's dead-letter queue, as the daily report's.
        DeadLetterConfig: ruleNamed('compliance-report-test').properties.Targets[0].DeadLetterConfig,
      }],
    });
    const { template: monthly } = synth({ periodReportSchedule: ReportPeriod.MONTHLY });
    expect(periodRule(monthly).properties).toMatchObject({ ScheduleExpression: 'cron(0 12 1 * ? *)', Targets: [{ Input: '{"periodReport":"MONTH"}' }] });
  });

  test('remediation: dry run by default; the remediator reads only what opted-in rules\' fixes read, and writes only in APPLY mode', () => {
    const remediatorActions = (synthesized: ReturnType<typeof synth>) =>
      actionsOf(statementsOfRole(logicalId(synthesized.monitor.remediatorFunction.role!, synthesized.stack), synthesized.template));
    template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'compliance-remediator-test', Environment: { Variables: Match.objectLike({ REMEDIATION_MODE: 'DRY_RUN' }) } });
    const fixing = RuleSet.of(
      ComplianceRule.s3BucketServerSideEncryption({ autoRemediate: true }),
      ComplianceRule.restrictedSsh({ autoRemediate: true }),
      ComplianceRule.ec2Imdsv2({ autoRemediate: true }),
      ComplianceRule.rdsBackupEnabled({ autoRemediate: true }),
      ComplianceRule.requiredTags({ tags: { Owner: [] } }),
    );
    const reads = ['ec2:DescribeInstances', 'ec2:DescribeSecurityGroups', 'rds:DescribeDBInstances', 's3:GetBucketTagging', 's3:GetEncryptionConfiguration'];
    const writes = ['ec2:AuthorizeSecurityGroupIngress', 'ec2:ModifyInstanceMetadataOptions', 'ec2:RevokeSecurityGroupIngress', 'rds:ModifyDBInstance', 's3:PutEncryptionConfiguration'];
    const resourceActions = (actions: string[]) => actions.filter((action) => /^(ec2|rds|s3):/.test(action));
    expect(resourceActions(remediatorActions(defaults))).toEqual([]);
    expect(resourceActions(remediatorActions(synth({ rules: fixing })))).toEqual(reads);
    const applying = synth({ rules: fixing, remediation: RemediationMode.APPLY });
    expect(resourceActions(remediatorActions(applying))).toEqual([...reads, ...writes].sort());
    const onlyImdsv2 = synth({ rules: RuleSet.of(ComplianceRule.ec2Imdsv2({ autoRemediate: true })), remediation: RemediationMode.APPLY });
    expect(resourceActions(remediatorActions(onlyImdsv2))).toEqual(['ec2:DescribeInstances', 'ec2:ModifyInstanceMetadataOptions']);
    const accountArn = (resource: string) => ({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, resource.split(':')[0] === 'rds' ? ':rds:' : ':ec2:',
        { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${resource.split(':').slice(1).join(':')}`]],
    });
    for (const [sid, resource] of [['FixWorldOpenIngress', 'ec2:security-group/*'], ['FixImdsV2', 'ec2:instance/*'], ['FixBackupRetention', 'rds:db:*']]) {
      applying.template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: sid, Resource: accountArn(resource) })]) },
      });
    }
    // Bucket ARNs carry no account: the condition keeps the S3 fix to this account's buckets.
    applying.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'FixS3DefaultEncryption',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::*']] },
          Condition: { StringEquals: { 'aws:ResourceAccount': { Ref: 'AWS::AccountId' } } },
        })]),
      },
    });
  });

  test('remediation: each newer fix reads its own resources, and changes them only in APPLY mode, in this account (and region)', () => {
    const fixing = RuleSet.of(
      ComplianceRule.s3BucketLevelPublicAccessProhibited({ autoRemediate: true }),
      ComplianceRule.s3BucketVersioningEnabled({ autoRemediate: true }),
      ComplianceRule.dynamodbPitrEnabled({ autoRemediate: true }),
      ComplianceRule.vpcDefaultSecurityGroupClosed({ autoRemediate: true }),
      ComplianceRule.rdsInstancePublicAccessCheck({ autoRemediate: true }),
      ComplianceRule.restrictedSsh({ autoRemediate: true }),
    );
    const statementsBySid = (mode: RemediationMode) => {
      const synthesized = synth({ rules: fixing, remediation: mode });
      const statements = statementsOfRole(logicalId(synthesized.monitor.remediatorFunction.role!, synthesized.stack), synthesized.template);
      return Object.fromEntries(statements.filter((statement) => statement.Sid).map((statement) => [statement.Sid, statement]));
    };
    const arn = (service: string, resource: string) =>
      ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:${service}:`, { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${resource}`]] });
    const anyBucket = {
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::*']] },
      Condition: { StringEquals: { 'aws:ResourceAccount': { Ref: 'AWS::AccountId' } } },
    };
    const grants = (apply: boolean) => ({
      // Both security-group fixes read with the one Describe call, which accepts no resource.
      DescribeEc2ResourcesToFix: { Action: 'ec2:DescribeSecurityGroups', Resource: '*' },
      FixBucketPublicAccessBlock: {
        Action: ['s3:GetBucketPublicAccessBlock', 's3:GetBucketTagging', ...(apply ? ['s3:PutBucketPublicAccessBlock'] : [])], ...anyBucket,
      },
      FixS3Versioning: { Action: ['s3:GetBucketVersioning', 's3:GetBucketTagging', ...(apply ? ['s3:PutBucketVersioning'] : [])], ...anyBucket },
      FixDynamoDbPointInTimeRecovery: {
        Action: ['dynamodb:DescribeTable', 'dynamodb:ListTagsOfResource', 'dynamodb:DescribeContinuousBackups', ...(apply ? ['dynamodb:UpdateContinuousBackups'] : [])],
        Resource: arn('dynamodb', 'table/*'),
      },
      FixRdsPublicAccess: { Action: apply ? ['rds:DescribeDBInstances', 'rds:ModifyDBInstance'] : 'rds:DescribeDBInstances', Resource: arn('rds', 'db:*') },
    });
    const dryRun = statementsBySid(RemediationMode.DRY_RUN);
    expect(dryRun).toMatchObject(grants(false));
    // Nothing to read for the security-group fixes beyond the Describe call, so in DRY_RUN they have no statement of their own.
    expect(dryRun).not.toHaveProperty('FixDefaultSecurityGroup');
    expect(dryRun).not.toHaveProperty('FixWorldOpenIngress');
    const applying = statementsBySid(RemediationMode.APPLY);
    expect(applying).toMatchObject({
      ...grants(true),
      FixDefaultSecurityGroup: { Action: ['ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress'], Resource: arn('ec2', 'security-group/*') },
    });
    expect(applying.FixDefaultSecurityGroup).not.toHaveProperty('Condition');
  });

  test('remediation: the remediator reads the rules and the mode; the analyzer knows which rules opt in', () => {
    const ruleSet = RuleSet.of(ComplianceRule.ec2Imdsv2({ autoRemediate: true }), ComplianceRule.restrictedSsh());
    const { template: fixing } = synth({ rules: ruleSet });
    const variables = (name: string) => resourcesOf('AWS::Lambda::Function', fixing).find(({ properties }) => properties.FunctionName === name)!.properties.Environment.Variables;
    const rules = [
      { configRuleName: 'ec2-imdsv2-check-test', ruleName: 'ec2-imdsv2-check', severity: 'HIGH', evaluationMode: 'MANAGED', autoRemediate: true, parameters: {} },
      { configRuleName: 'restricted-ssh-test', ruleName: 'restricted-ssh', severity: 'CRITICAL', evaluationMode: 'MANAGED' },
    ];
    expect(deployedRules(variables('compliance-analyzer-test'))).toEqual(rules);
    expect(deployedRules(variables('compliance-remediator-test'))).toEqual(rules);
    // Written without what follows from a rule's name: its Config name, the catalog's severity, evaluation by AWS.
    expect(JSON.parse(variables('compliance-analyzer-test').RULES)).toEqual({
      suffix: '-test', rules: [{ ruleName: 'ec2-imdsv2-check', autoRemediate: true, parameters: {} }, { ruleName: 'restricted-ssh' }],
    });
    // The S3 fix never encrypts other teams' buckets with the monitor's key, so the remediator is not told it.
    expect(Object.keys(variables('compliance-remediator-test'))).not.toContain('REMEDIATION_KMS_KEY_ARN');
    expect(() => synth({ rules: RuleSet.of(ComplianceRule.requiredTags({ tags: { Owner: [] }, autoRemediate: true })) }))
      .toThrow('rule "required-tags": autoRemediate is only for the rules with a known fix (s3-bucket-server-side-encryption-enabled, s3-default-encryption-kms, ' +
        's3-bucket-versioning-enabled, db-instance-backup-enabled, ec2-imdsv2-check, restricted-ssh, restricted-common-ports, vpc-sg-open-only-to-authorized-ports, ' +
        's3-bucket-level-public-access-prohibited, rds-instance-public-access-check, vpc-default-security-group-closed, dynamodb-pitr-enabled).');
  });

  test('the foundational set, all 37 rules, fits the functions\' environment: the handlers read it back whole', () => {
    const { template: every } = synth({ environmentSuffix: 'production', rules: RuleSet.foundational() });
    every.resourceCountIs('AWS::Config::ConfigRule', 37);
    const analyzer = resourcesOf('AWS::Lambda::Function', every).find(({ properties }) => properties.FunctionName === 'compliance-analyzer-production')!;
    const setting: string = analyzer.properties.Environment.Variables.RULES;
    expect(setting.length).toBeLessThan(2500);
    const rules = deployedRules(analyzer.properties.Environment.Variables);
    expect(rules.map((rule) => rule.configRuleName)).toEqual(RuleSet.foundational().ruleNames.map((name) => `${name}-production`));
    expect(rules.find((rule) => rule.ruleName === 'lambda-function-public-access-prohibited')).toMatchObject({ severity: 'CRITICAL', evaluationMode: 'MANAGED' });
  });

  const analyzerVariables = (from: Template) => resourcesOf('AWS::Lambda::Function', from)
    .find(({ properties }) => properties.FunctionName === 'compliance-analyzer-test')!.properties.Environment.Variables;

  test('alerts: HIGH and above, one digest past 10 new violations in a sweep; both can be changed', () => {
    expect(analyzerVariables(template)).toMatchObject({ ALERT_SEVERITY: 'HIGH', ALERT_DIGEST_THRESHOLD: '10' });
    expect(analyzerVariables(synth({ alertSeverity: Severity.MEDIUM, alertDigestThreshold: 3 }).template)).toMatchObject({ ALERT_SEVERITY: 'MEDIUM', ALERT_DIGEST_THRESHOLD: '3' });
    for (const alertDigestThreshold of [0, 2.5]) {
      expect(() => synth({ alertDigestThreshold })).toThrow(`alertDigestThreshold is ${alertDigestThreshold}: use a whole number of violations, at least 1.`);
    }
  });

  test('exemption expiry notices: 14 days before by default; another number of days, or a refusal naming the prop', () => {
    expect(analyzerVariables(template)).toMatchObject({ EXEMPTION_NOTICE_DAYS: '14' });
    expect(analyzerVariables(synth({ exemptionExpiryNoticeDays: 30 }).template)).toMatchObject({ EXEMPTION_NOTICE_DAYS: '30' });
    for (const exemptionExpiryNoticeDays of [0, 1.5, 366]) {
      expect(() => synth({ exemptionExpiryNoticeDays })).toThrow(`exemptionExpiryNoticeDays is ${exemptionExpiryNoticeDays}: use a whole number of days from 1 to 365.`);
    }
  });
});

describe('exemptions', () => {
  const exempting = RuleSet.of(
    ComplianceRule.restrictedSsh({ exemptions: [Exemption.ofTag('compliance-exempt', 'bastion', { reason: 'RISK-42: bastions', expires: '2027-03-31' })] }),
    ComplianceRule.ec2Imdsv2({ exemptions: [Exemption.ofResources(['i-0123456789abcdef0'], { reason: 'vendor appliance' })] }),
  );

  test('reach the analyzer with their reason and the first instant they no longer apply', () => {
    const { template: exempted } = synth({ rules: exempting });
    const analyzer = resourcesOf('AWS::Lambda::Function', exempted).find(({ properties }) => properties.FunctionName === 'compliance-analyzer-test')!;
    expect(deployedRules(analyzer.properties.Environment.Variables).map((rule) => rule.exemptions)).toEqual([
      [{ tag: { key: 'compliance-exempt', value: 'bastion' }, reason: 'RISK-42: bastions', expiresAt: '2027-04-01T00:00:00.000Z' }],
      [{ resourceIds: ['i-0123456789abcdef0'], reason: 'vendor appliance' }],
    ]);
  });

  test('by tag, the analyzer may query Config for tagged resources; without, it may not', () => {
    const analyzerActions = (synthesized: ReturnType<typeof synth>) =>
      actionsOf(statementsOfRole(logicalId(synthesized.monitor.analyzerFunction.role!, synthesized.stack), synthesized.template));
    expect(analyzerActions(synth({ rules: exempting }))).toContain('config:SelectResourceConfig');
    expect(analyzerActions(defaults)).not.toContain('config:SelectResourceConfig');
  });

  test.each([
    [() => Exemption.ofResources([], { reason: 'r' }), 'Exemption.ofResources: resourceIds must list at least one resource id, none empty.'],
    [() => Exemption.ofResources([' '], { reason: 'r' }), 'Exemption.ofResources: resourceIds must list at least one resource id, none empty.'],
    [() => Exemption.ofTag('owner\'s', 'x', { reason: 'r' }), /^Exemption.ofTag: tag "owner's=x" is not a valid AWS tag/],
    [() => Exemption.ofTag('', 'x', { reason: 'r' }), /^Exemption.ofTag: tag "=x" is not a valid AWS tag/],
    [() => Exemption.ofTag('k', 'x', { reason: ' ' }), 'Exemption: reason must have 1 to 256 characters; say why the violation is accepted.'],
    [() => Exemption.ofTag('k', 'x', { reason: 'r', expires: '2027-02-30' }), 'Exemption: expires "2027-02-30" is not a date; write it as YYYY-MM-DD, e.g. "2027-03-31".'],
    [() => Exemption.ofTag('k', 'x', { reason: 'r', expires: '31/03/2027' }), 'Exemption: expires "31/03/2027" is not a date; write it as YYYY-MM-DD, e.g. "2027-03-31".'],
  ])('bad input is refused at synth, naming the fix (%#)', (create, message) => {
    expect(create).toThrow(message);
  });

  test('too many listed resources for Lambda\'s 4 KB of variables fail the synth, pointing to tags', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `i-${String(i).padStart(17, '0')}`);
    const rules = RuleSet.of(ComplianceRule.ec2Imdsv2({ exemptions: [Exemption.ofResources(ids, { reason: 'legacy fleet' })] }));
    expect(() => synth({ rules })).toThrow(/^rules: the rule set takes \d+ characters of the functions' environment, over the 3300 that Lambda's 4 KB limit leaves: exempt resources by tag/);
  });
});

describe('removal policy', () => {
  test('destroy by default: nothing retained, buckets emptied before deletion', () => {
    for (const type of ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::Logs::LogGroup']) {
      for (const { resource } of resourcesOf(type)) {
        expect([type, resource.DeletionPolicy]).toEqual([type, 'Delete']);
      }
    }
    expect(resourcesOf('Custom::S3AutoDeleteObjects')).toHaveLength(3);
  });

  test('retain keeps the audit trail and empties nothing', () => {
    const { template: retained } = synth({ removalPolicy: RemovalPolicy.RETAIN });
    for (const type of ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::Logs::LogGroup']) {
      for (const { resource } of resourcesOf(type, retained)) {
        expect([type, resource.DeletionPolicy]).toEqual([type, 'Retain']);
      }
    }
    expect(resourcesOf('Custom::S3AutoDeleteObjects', retained)).toHaveLength(0);
  });
});

describe('overrides', () => {
  test('an existing key encrypts everything and no key is created', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const key = kms.Key.fromKeyArn(stack, 'Existing', 'arn:aws:kms:eu-west-1:123456789012:key/existing');
    new ComplianceMonitor(stack, 'Compliance', { environmentSuffix: 'test', alertEmails: EMAILS, encryptionKey: key });
    const withKey = Template.fromStack(stack);
    withKey.resourceCountIs('AWS::KMS::Key', 0);
    withKey.hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: { KMSMasterKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/existing', SSEEnabled: true, SSEType: 'KMS' } });
    withKey.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'compliance-alerts-test', KmsMasterKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/existing' });
  });

  test('an imported key, whose policy the stack cannot change, gets a synth warning listing each statement its policy must hold', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const key = kms.Key.fromKeyArn(stack, 'Existing', 'arn:aws:kms:eu-west-1:123456789012:key/existing');
    new ComplianceMonitor(stack, 'Compliance', { environmentSuffix: 'test', alertEmails: EMAILS, encryptionKey: key });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('encryptionKey is imported'));
    expect(warnings).toHaveLength(1);
    const message = String(warnings[0].entry.data);
    expect(message).toContain('add these 5 statements to it before deploying');
    const statements = JSON.parse(message.slice(message.indexOf('[{'), message.lastIndexOf('}]') + 2));
    expect(statements.map((statement: { Sid: string }) => statement.Sid)).toEqual([
      'CloudWatchLogsForThisMonitorsLogGroups', 'SnsFromThisAccount', 'ConfigFromThisAccount', 'EventBridgeFromThisAccount', 'CloudWatchAlarms',
    ]);
    expect(statements[0]).toMatchObject({
      Principal: { Service: 'logs.<region>.amazonaws.com' },
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:<partition>:logs:<region>:<account>:log-group:/aws/lambda/compliance-*-test' } },
    });
  });

  test('a key of the stack gets the statements in its policy, and no warning', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new ComplianceMonitor(stack, 'Compliance', { environmentSuffix: 'test', alertEmails: EMAILS, encryptionKey: new kms.Key(stack, 'Own') });
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('encryptionKey'))).toEqual([]);
    expect(resourcesOf('AWS::KMS::Key', Template.fromStack(stack))[0].properties.KeyPolicy.Statement.map((statement: any) => statement.Sid))
      .toEqual(expect.arrayContaining(['CloudWatchLogsForThisMonitorsLogGroups', 'CloudWatchAlarms']));
  });

  test('Lambda runtime, architecture and memory apply to every function', () => {
    const { template: custom } = synth({
      functions: { runtime: lambda.Runtime.NODEJS_22_X, architecture: lambda.Architecture.X86_64, memorySize: 512 },
    });
    expect(resourcesOf('AWS::Lambda::Function', custom).filter(({ properties }) => properties.FunctionName).map(({ properties }) =>
      [properties.Runtime, properties.Architectures, properties.MemorySize])).toEqual(Array(3).fill(['nodejs22.x', ['x86_64'], 512]));
  });
});

describe('KMS key', () => {
  const keyPolicy = () => resourcesOf('AWS::KMS::Key')[0].properties.KeyPolicy.Statement;

  test('rotates yearly and is administered by the account', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    expect(keyPolicy()[0]).toMatchObject({ Action: 'kms:*', Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } } });
  });

  test('CloudWatch Logs may use it only for this monitor\'s log groups', () => {
    expect(keyPolicy()).toContainEqual(expect.objectContaining({
      Sid: 'CloudWatchLogsForThisMonitorsLogGroups',
      Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:/aws/lambda/compliance-*-test']] } } },
    }));
    for (const { properties } of resourcesOf('AWS::Logs::LogGroup')) {
      expect(properties.LogGroupName).toMatch(/^\/aws\/lambda\/compliance-[a-z]+-test$/);
    }
  });

  test.each(['sns', 'config', 'events'])('%s from this account may encrypt and decrypt', (service) => {
    expect(keyPolicy()).toContainEqual(expect.objectContaining({
      Principal: { Service: `${service}.amazonaws.com` },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    }));
  });

  test('CloudWatch alarms may publish to the encrypted topic', () => {
    expect(keyPolicy()).toContainEqual(expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }));
  });
});

describe('buckets', () => {
  const keyRef = { 'Fn::GetAtt': [logicalId(defaults.monitor.encryptionKey as kms.Key), 'Arn'] };
  test.each(['ConfigBucket', 'ReportsBucket'] as const)('%s: KMS, versioned, private, access-logged', (member) => {
    const bucket = resourcesOf('AWS::S3::Bucket').find(({ id }) => id === logicalId(defaults.monitor[member === 'ConfigBucket' ? 'configBucket' : 'reportsBucket']!))!;
    expect(bucket.properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyRef }, BucketKeyEnabled: true }] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalId(defaults.monitor.accessLogsBucket) } },
    });
  });

  test('every bucket denies requests without TLS', () => {
    const policies = resourcesOf('AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(3);
    for (const { properties } of policies) {
      expect(properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({
        Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }));
    }
  });

  test('the access-log bucket is written by S3 logging under a bucket policy, with S3-managed keys', () => {
    const logsBucket = logicalId(defaults.monitor.accessLogsBucket);
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: { 'Fn::Join': ['', ['compliance-logs-test-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logsBucket },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' })]) },
    });
  });

  test('the delivery bucket admits AWS Config exactly as it requires, for this account only', () => {
    const bucketArn = { 'Fn::GetAtt': [logicalId(defaults.monitor.configBucket!), 'Arn'] };
    const thisAccount = { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } };
    const statements = resourcesOf('AWS::S3::BucketPolicy')
      .find(({ properties }) => properties.Bucket.Ref === logicalId(defaults.monitor.configBucket!))!.properties.PolicyDocument.Statement
      .filter((statement: any) => statement.Principal?.Service === 'config.amazonaws.com');
    expect(statements).toEqual([
      { Sid: 'AWSConfigBucketPermissionsCheck', Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: bucketArn, Condition: { StringEquals: thisAccount } },
      { Sid: 'AWSConfigBucketExistenceCheck', Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 's3:ListBucket', Resource: bucketArn, Condition: { StringEquals: thisAccount } },
      {
        Sid: 'AWSConfigBucketDelivery',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [bucketArn, '/AWSLogs/', { Ref: 'AWS::AccountId' }, '/Config/*']] },
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...thisAccount } },
      },
    ]);
  });
});

describe('findings table', () => {
  test('on demand, resourceId/timestamp, PITR, KMS, TTL, the current-findings index and the history index (month and shard, by resource)', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'compliance-findings-test',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'resourceId', KeyType: 'HASH' }, { AttributeName: 'timestamp', KeyType: 'RANGE' }],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [logicalId(defaults.monitor.encryptionKey as kms.Key), 'Arn'] } },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: [{
        IndexName: 'current-findings',
        KeySchema: [{ AttributeName: 'currentRule', KeyType: 'HASH' }, { AttributeName: 'resourceId', KeyType: 'RANGE' }],
        Projection: { ProjectionType: 'ALL' },
      }, {
        IndexName: 'history-by-month',
        KeySchema: [{ AttributeName: 'historyBucket', KeyType: 'HASH' }, { AttributeName: 'resourceId', KeyType: 'RANGE' }],
        // What a period report reads, and not the annotations.
        Projection: {
          ProjectionType: 'INCLUDE',
          NonKeyAttributes: [
            'resourceType', 'configRuleName', 'recordedAt', 'newComplianceType', 'oldComplianceType', 'oldViolatedSince', 'exemptionReason', 'exemption',
          ],
        },
      }],
    });
  });

  test('the aggregator reads it by Query and never scans', () => {
    const actions = actionsOf(statementsOfRole(logicalId(defaults.monitor.aggregatorFunction.role!)));
    expect(actions).toContain('dynamodb:Query');
    expect(actions).not.toContain('dynamodb:PutItem');
    // The indexes the aggregator's store queries (the core's findings schema) are the table's.
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: FINDINGS_TABLE_SCHEMA.currentFindingsIndex }),
        Match.objectLike({ IndexName: FINDINGS_TABLE_SCHEMA.historyIndex }),
      ],
    });
  });
});

describe('alerts', () => {
  test('the topic is KMS-encrypted and each address is subscribed with the encrypted dead-letter queue', () => {
    const { template: two, monitor, stack } = synth({ alertEmails: ['a@example.com', 'b@example.com'] });
    const keyArn = { 'Fn::GetAtt': [logicalId(monitor.encryptionKey as kms.Key, stack), 'Arn'] };
    two.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'compliance-alerts-test', KmsMasterKeyId: keyArn });
    const queue = resourcesOf('AWS::SQS::Queue', two).find(({ properties }) => properties.QueueName === 'compliance-alerts-dlq-test')!;
    expect(queue.properties.KmsMasterKeyId).toEqual(keyArn);
    expect(resourcesOf('AWS::SNS::Subscription', two).map(({ properties }) => [properties.Protocol, properties.Endpoint, properties.RedrivePolicy]))
      .toEqual(['a@example.com', 'b@example.com'].map((email) => ['email', email, { deadLetterTargetArn: { 'Fn::GetAtt': [queue.id, 'Arn'] } }]));
  });

  test('the topic refuses publishing without TLS', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: logicalId(defaults.monitor.alertTopic) }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('the topic admits CloudWatch for this monitor\'s alarms, and only them: a topic policy replaces SNS\'s default one', () => {
    const policy = resourcesOf('AWS::SNS::TopicPolicy').find(({ properties }) => properties.Topics[0].Ref === logicalId(defaults.monitor.alertTopic))!;
    const alarmArns = resourcesOf('AWS::CloudWatch::Alarm').map(({ id }) => ({ 'Fn::GetAtt': [id, 'Arn'] }));
    expect(alarmArns).toHaveLength(8);
    expect(policy.properties.PolicyDocument.Statement).toContainEqual({
      Sid: 'CloudWatchAlarmsOfThisMonitor',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: { Ref: logicalId(defaults.monitor.alertTopic) },
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnEquals: { 'aws:SourceArn': alarmArns } },
    });
  });
});

describe('functions', () => {
  const functionsByName = () => Object.fromEntries(resourcesOf('AWS::Lambda::Function').filter(({ properties }) => properties.FunctionName).map(({ id, properties }) => [properties.FunctionName, { id, properties }]));

  test.each(['analyzer', 'aggregator', 'remediator'])('%s: nodejs24.x, arm64, 256 MB, tracing, its own dead-letter queue, retries, encrypted log group', (name) => {
    const { id, properties } = functionsByName()[`compliance-${name}-test`];
    expect(properties).toMatchObject({ Handler: 'index.handler', Runtime: 'nodejs24.x', Architectures: ['arm64'], MemorySize: 256, TracingConfig: { Mode: 'Active' } });
    const keyArn = { 'Fn::GetAtt': [logicalId(defaults.monitor.encryptionKey as kms.Key), 'Arn'] };
    const queue = resourcesOf('AWS::SQS::Queue').find(({ properties: queueProperties }) => queueProperties.QueueName === `compliance-${name}-dlq-test`)!;
    expect(queue.properties.KmsMasterKeyId).toEqual(keyArn);
    expect(properties.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queue.id, 'Arn'] } });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: id }, MaximumRetryAttempts: 2 });
    const logGroup = resourcesOf('AWS::Logs::LogGroup').find(({ properties: group }) => group.LogGroupName === `/aws/lambda/compliance-${name}-test`)!;
    expect(logGroup.properties.KmsKeyId).toEqual(keyArn);
    expect(properties.LoggingConfig).toEqual({ LogGroup: { Ref: logGroup.id } });
    // Its settings are encrypted with the monitor's key, which its role may decrypt with.
    expect(properties.KmsKeyArn).toEqual(keyArn);
    expect(statementsOfRole(properties.Role['Fn::GetAtt'][0])).toContainEqual(expect.objectContaining({ Action: 'kms:Decrypt', Resource: keyArn }));
  });

  test('each function has its own role, with no managed policy', () => {
    const { analyzerFunction, aggregatorFunction, remediatorFunction } = defaults.monitor;
    const roles = [analyzerFunction, aggregatorFunction, remediatorFunction].map((fn) => logicalId(fn.role!));
    expect(new Set(roles).size).toBe(3);
    for (const role of roles) {
      expect(template.findResources('AWS::IAM::Role')[role].Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  test('each role has only the actions its function uses', () => {
    const actions = (fn: lambda.Function) => [...new Set(actionsOf(statementsOfRole(logicalId(fn.role!))))];
    const logsAndTracing = ['logs:CreateLogStream', 'logs:PutLogEvents', 'sqs:SendMessage', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
    const tableRead = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:Query', 'dynamodb:Scan'];
    const tableWrite = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
    const kmsUse = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'];
    expect(actions(defaults.monitor.aggregatorFunction)).toEqual([...new Set([...logsAndTracing, ...tableRead, 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey', 's3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'])].sort());
    expect(actions(defaults.monitor.analyzerFunction)).toEqual([...new Set([...logsAndTracing, ...tableRead, ...tableWrite, ...kmsUse,
      'sns:Publish', 'lambda:InvokeFunction', 'config:PutEvaluations', 'config:GetResourceConfigHistory',
      'config:ListDiscoveredResources', 'config:BatchGetResourceConfig', 'config:GetComplianceDetailsByConfigRule'])].sort());
    // Without rules that opt in to remediation, the remediator reads no resource (see defaults › remediation).
    expect(actions(defaults.monitor.remediatorFunction)).toEqual([...new Set([...logsAndTracing, ...tableRead, ...tableWrite, ...kmsUse, 'sns:Publish'])].sort());
  });

  test('the aggregator reads back the latest report and the latest manifest only, and writes under reports/ only', () => {
    const s3Statements = statementsOfRole(logicalId(defaults.monitor.aggregatorFunction.role!))
      .filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('s3:')));
    const objects = (key: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(defaults.monitor.reportsBucket), 'Arn'] }, `/${key}`]] });
    expect(s3Statements).toEqual([
      { Sid: 'WriteReports', Effect: 'Allow', Action: ['s3:PutObject', 's3:AbortMultipartUpload'], Resource: objects('reports/*') },
      { Sid: 'ReadTheLatestReportAndManifest', Effect: 'Allow', Action: 's3:GetObject', Resource: [objects('reports/latest.json'), objects('reports/latest.manifest.json')] },
    ]);
  });

  test('wildcard resources only for actions without resource-level permissions', () => {
    for (const fn of [defaults.monitor.analyzerFunction, defaults.monitor.aggregatorFunction, defaults.monitor.remediatorFunction]) {
      const wildcardActions = statementsOfRole(logicalId(fn.role!)).filter((statement) => statement.Resource === '*').flatMap((statement) => [statement.Action].flat());
      expect(wildcardActions.filter((action: string) => ![
        'xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'config:PutEvaluations', 'config:GetResourceConfigHistory',
        'config:ListDiscoveredResources', 'config:BatchGetResourceConfig', 'ec2:DescribeSecurityGroups', 'ec2:DescribeInstances',
      ].includes(action))).toEqual([]);
    }
  });

  test('no grant that no handler uses: metrics are embedded in the logs (EMF), compliance is read by rule', () => {
    const granted = resourcesOf('AWS::IAM::Policy').flatMap(({ properties }) => actionsOf(properties.PolicyDocument.Statement));
    expect(granted).not.toContain('cloudwatch:PutMetricData');
    expect(granted).not.toContain('config:DescribeComplianceByConfigRule');
  });

  test('the analyzer reads the compliance of this set\'s rules only, by their ARNs', () => {
    const ruleArns = Object.values(defaults.monitor.cfnConfigRules).map((rule) => ({ 'Fn::GetAtt': [defaults.stack.getLogicalId(rule), 'Arn'] }));
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(defaults.monitor.analyzerFunction.role!) }],
      PolicyDocument: { Statement: [{ Sid: 'ComplianceOfThisSetsRules', Effect: 'Allow', Action: 'config:GetComplianceDetailsByConfigRule', Resource: ruleArns }] },
    });
  });

  test('each function ships its own esbuild bundle, not the source tree', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new ComplianceMonitor(stack, 'Compliance', { environmentSuffix: 'test', alertEmails: EMAILS });
    const assembly = app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'Stack.assets.json'), 'utf8'));
    const functions = resourcesOf('AWS::Lambda::Function', Template.fromStack(stack)).filter(({ properties }) => properties.FunctionName);
    for (const { properties } of functions) {
      const assetHash = (properties.Code.S3Key as string).replace(/\.zip$/, '');
      const bundle = fs.readFileSync(path.join(assembly.directory, manifest.files[assetHash].source.path, 'index.js'), 'utf8');
      const name = (properties.FunctionName as string).split('-')[1];
      expect(bundle).toContain(`"${name}"`);
      // minified: no doc comment (`/**` then a space or a line break; a glob such as "lib/**/*" in a
      // bundled package.json is none), and lines far longer than formatted source's
      expect(bundle).not.toMatch(/\/\*\*\s/);
      expect(bundle.length / bundle.split('\n').length).toBeGreaterThan(200);
    }
  });

  test('a missing bundle fails the synth with the command that builds it', () => {
    const emptyAssets = fs.mkdtempSync(path.join(os.tmpdir(), 'assets-'));
    expect(() => handlerCode('analyzer', emptyAssets)).toThrow(
      `The analyzer handler bundle is missing at ${path.join(emptyAssets, 'analyzer')}: run "npx projen bundle" to build it.`,
    );
  });
});

describe('Config', () => {
  test('a recorder with the AWS_ConfigRole managed policy records the rule set\'s types continuously, never CloudWatch Logs', () => {
    const role = logicalId(defaults.monitor.configRecorderRole!);
    expect(template.findResources('AWS::IAM::Role')[role].Properties.ManagedPolicyArns).toEqual([
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWS_ConfigRole']] },
    ]);
    const recorder = resourcesOf('AWS::Config::ConfigurationRecorder')[0].properties;
    const ruleTypes = [...new Set(RuleSet.recommended().rules.flatMap((rule) => rule.resourceTypes))].filter((type) => type !== 'AWS::Logs::LogGroup');
    expect(recorder).toEqual({
      Name: 'compliance-recorder-test',
      RoleARN: { 'Fn::GetAtt': [role, 'Arn'] },
      RecordingGroup: { AllSupported: false, IncludeGlobalResourceTypes: false, ResourceTypes: ruleTypes, RecordingStrategy: { UseOnly: 'INCLUSION_BY_RESOURCE_TYPES' } },
      RecordingMode: { RecordingFrequency: 'CONTINUOUS' },
    });
    expect(ruleTypes).toEqual(expect.arrayContaining(['AWS::S3::Bucket', 'AWS::EC2::SecurityGroup', 'AWS::RDS::DBInstance', 'AWS::EC2::Volume', 'AWS::EC2::Instance']));
  });

  test('or every type but an exclusion list (plus CloudWatch Logs), daily', () => {
    const { template: excluding } = synth({ recorder: { excludedResourceTypes: ['AWS::EC2::NetworkInterface'], recordingFrequency: RecordingFrequency.DAILY } });
    const excludedEverywhere = ['AWS::EC2::NetworkInterface', 'AWS::Logs::LogGroup'];
    excluding.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
      RecordingGroup: {
        AllSupported: false,
        // IAM's global types too, but in the region that records them (the stack's region is known at deploy only).
        ExclusionByResourceTypes: { ResourceTypes: { 'Fn::If': [Match.stringLikeRegexp('^ComplianceGlobalResourceTypesRegion'), excludedEverywhere, [...excludedEverywhere, ...IAM_TYPES]] } },
        RecordingStrategy: { UseOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
      },
      RecordingMode: { RecordingFrequency: 'DAILY' },
    });
  });

  describe('IAM global types are recorded in one region only', () => {
    const iamRule = ComplianceRule.managed('IAM_USER_MFA_ENABLED', { ruleName: 'iam-user-mfa', resourceTypes: ['AWS::IAM::User'] });
    const withIam = RuleSet.recommended().withRules(iamRule);
    const recordedIn = (region: string | undefined, recorder: ComplianceMonitorProps['recorder'] = {}, rules = withIam) => {
      const stack = new Stack(new App(), 'Regional', region ? { env: { account: '123456789012', region } } : {});
      new ComplianceMonitor(stack, 'Compliance', { environmentSuffix: 'test', alertEmails: EMAILS, rules, recorder });
      return Object.values(Template.fromStack(stack).findResources('AWS::Config::ConfigurationRecorder'))[0].Properties.RecordingGroup;
    };

    test('us-east-1 by default records them; another region leaves them out', () => {
      expect(recordedIn('us-east-1').ResourceTypes).toContain('AWS::IAM::User');
      expect(recordedIn('eu-west-1').ResourceTypes).not.toContain('AWS::IAM::User');
      expect(recordedIn('eu-west-1').ResourceTypes).toContain('AWS::S3::Bucket');
    });

    test('globalResourceTypesRegion chooses the region', () => {
      expect(recordedIn('eu-west-1', { globalResourceTypesRegion: 'eu-west-1' }).ResourceTypes).toContain('AWS::IAM::User');
      expect(recordedIn('us-east-1', { globalResourceTypesRegion: 'eu-west-1' }).ResourceTypes).not.toContain('AWS::IAM::User');
    });

    test('an environment-agnostic stack decides at deploy, on a condition over its region', () => {
      const stack = new Stack(new App(), 'Agnostic');
      new ComplianceMonitor(stack, 'Compliance', { environmentSuffix: 'test', alertEmails: EMAILS, rules: withIam });
      const agnostic = Template.fromStack(stack);
      const [conditionId, condition] = Object.entries(agnostic.findConditions('*'))[0];
      expect(condition).toEqual({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] });
      const resourceTypes = Object.values(agnostic.findResources('AWS::Config::ConfigurationRecorder'))[0].Properties.RecordingGroup.ResourceTypes;
      expect(resourceTypes['Fn::If'][0]).toBe(conditionId);
      expect(resourceTypes['Fn::If'][1]).toContain('AWS::IAM::User');
      expect(resourceTypes['Fn::If'][2]).not.toContain('AWS::IAM::User');
      expect(resourceTypes['Fn::If'][2]).toContain('AWS::EC2::Volume');
    });

    test('a set of IAM rules only records them wherever it is deployed, since a recorder must record something', () => {
      expect(recordedIn('eu-west-1', {}, RuleSet.of(iamRule)).ResourceTypes).toEqual(['AWS::IAM::User']);
    });

    test('a set without IAM types has no condition', () => {
      expect(template.findConditions('*')).toEqual({});
    });

    test.each(['us-east', 'US-EAST-1', 'useast1'])('globalResourceTypesRegion %j is refused, naming the fix', (globalResourceTypesRegion) => {
      expect(() => synth({ recorder: { globalResourceTypesRegion } }))
        .toThrow(`recorder.globalResourceTypesRegion "${globalResourceTypesRegion}" is not a region: give a region name such as us-east-1.`);
    });
  });

  test('the delivery channel goes to the delivery bucket, with no SNS topic: AWS Config does not support encrypted topics', () => {
    const channel = resourcesOf('AWS::Config::DeliveryChannel')[0];
    expect(channel.properties).toEqual({
      Name: 'compliance-delivery-test',
      S3BucketName: { Ref: logicalId(defaults.monitor.configBucket!) },
      S3KmsKeyArn: { 'Fn::GetAtt': [logicalId(defaults.monitor.encryptionKey as kms.Key), 'Arn'] },
      ConfigSnapshotDeliveryProperties: { DeliveryFrequency: 'Six_Hours' },
    });
    expect(resourcesOf('AWS::SNS::Topic').map(({ properties }) => properties.TopicName)).toEqual(['compliance-alerts-test']);
  });

  test('recorder and channel do not wait for each other, and both wait for the bucket policy and the recorder role\'s policy', () => {
    const recorder = resourcesOf('AWS::Config::ConfigurationRecorder')[0];
    const channel = resourcesOf('AWS::Config::DeliveryChannel')[0];
    expect(channel.resource.DependsOn).not.toContain(recorder.id);
    expect(recorder.resource.DependsOn).not.toContain(channel.id);
    const bucketPolicy = resourcesOf('AWS::S3::BucketPolicy').find(({ properties }) => properties.Bucket.Ref === logicalId(defaults.monitor.configBucket!))!.id;
    const rolePolicies = resourcesOf('AWS::IAM::Policy').filter(({ properties }) => properties.Roles[0].Ref === logicalId(defaults.monitor.configRecorderRole!));
    expect(rolePolicies).toHaveLength(1);
    const rolePolicy = rolePolicies[0].id;
    for (const { resource } of [recorder, channel]) {
      expect(resource.DependsOn).toEqual(expect.arrayContaining([bucketPolicy, rolePolicy]));
    }
  });

  test('only AWS Config of this account may assume the recorder role (confused deputy)', () => {
    expect(resourcesOf('AWS::IAM::Role').find(({ id }) => id === logicalId(defaults.monitor.configRecorderRole!))!.properties.AssumeRolePolicyDocument.Statement).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    }]);
  });

  test('one rule per rule of the set, named {rule}-{suffix}, each after the recorder', () => {
    const rules = resourcesOf('AWS::Config::ConfigRule');
    expect(rules.map(({ properties }) => properties.ConfigRuleName).sort()).toEqual(RuleSet.recommended().ruleNames.map((name) => `${name}-test`).sort());
    for (const { resource } of rules) {
      expect(resource.DependsOn).toContain(defaults.stack.getLogicalId(defaults.monitor.configRecorder!));
    }
  });

  test('configRules are aws-cdk IRules of the deployed rules: onComplianceChange matches the rule by its deployed name', () => {
    const stack = new Stack(new App(), 'Stack');
    const monitor = new ComplianceMonitor(stack, 'Compliance', {
      environmentSuffix: 'test', alertEmails: EMAILS, rules: RuleSet.of(ComplianceRule.restrictedSsh(), ComplianceRule.encryptedVolumes()),
    });
    const queue = new sqs.Queue(stack, 'Hook');
    monitor.configRules['restricted-ssh'].onComplianceChange('SshCompliance', { target: new targets.SqsQueue(queue) });
    const hooked = Template.fromStack(stack);
    hooked.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.config'],
        'detail-type': ['Config Rules Compliance Change'],
        'detail': { configRuleName: [{ Ref: stack.getLogicalId(monitor.cfnConfigRules['restricted-ssh']) }] },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [stack.getLogicalId(queue.node.defaultChild as sqs.CfnQueue), 'Arn'] } })],
    });
    expect(Object.keys(monitor.configRules).sort()).toEqual(['encrypted-volumes', 'restricted-ssh']);
  });

  test('MANAGED rules carry their identifier and parameters; periodic ones run every six hours', () => {
    template.hasResourceProperties('AWS::Config::ConfigRule', {
      ConfigRuleName: 'required-tags-test',
      Source: { Owner: 'AWS', SourceIdentifier: 'REQUIRED_TAGS' },
      InputParameters: { tag1Key: 'Environment', tag2Key: 'Owner', tag3Key: 'CostCenter' },
      Scope: { ComplianceResourceTypes: Match.arrayWith(['AWS::S3::Bucket']) },
    });
    template.hasResourceProperties('AWS::Config::ConfigRule', {
      ConfigRuleName: 'restricted-ssh-test',
      Source: { Owner: 'AWS', SourceIdentifier: 'INCOMING_SSH_DISABLED' },
      MaximumExecutionFrequency: 'Six_Hours',
    });
    const encrypted = resourcesOf('AWS::Config::ConfigRule').find(({ properties }) => properties.ConfigRuleName === 'rds-storage-encrypted-test')!;
    expect(encrypted.properties.MaximumExecutionFrequency).toBeUndefined();
  });

  test('ENGINE rules are custom Lambda rules on the analyzer, which only Config rules of this account may invoke', () => {
    const engineRules = RuleSet.of(ComplianceRule.restrictedSsh({ evaluator: Evaluator.ENGINE }));
    const { template: engine, monitor, stack } = synth({ rules: engineRules });
    const analyzerArn = { 'Fn::GetAtt': [logicalId(monitor.analyzerFunction, stack), 'Arn'] };
    engine.hasResourceProperties('AWS::Config::ConfigRule', {
      ConfigRuleName: 'restricted-ssh-test',
      Source: {
        Owner: 'CUSTOM_LAMBDA',
        SourceIdentifier: analyzerArn,
        SourceDetails: [
          { EventSource: 'aws.config', MessageType: 'ConfigurationItemChangeNotification' },
          { EventSource: 'aws.config', MessageType: 'OversizedConfigurationItemChangeNotification' },
          { EventSource: 'aws.config', MessageType: 'ScheduledNotification', MaximumExecutionFrequency: 'Six_Hours' },
        ],
      },
      Scope: { ComplianceResourceTypes: ['AWS::EC2::SecurityGroup'] },
    });
    const permission = resourcesOf('AWS::Lambda::Permission', engine).find(({ properties }) => properties.Principal === 'config.amazonaws.com')!;
    expect(permission.properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: analyzerArn,
      Principal: 'config.amazonaws.com',
      SourceAccount: { Ref: 'AWS::AccountId' },
      SourceArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':config:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':config-rule/*']] },
    });
    expect(resourcesOf('AWS::Config::ConfigRule', engine)[0].resource.DependsOn).toContain(permission.id);
  });

  test('with the account\'s existing recorder: no recorder, channel or delivery bucket, and no output naming them, but the rules', () => {
    const { template: existing, monitor } = synth({ recorder: { useExisting: true } });
    existing.resourceCountIs('AWS::Config::ConfigurationRecorder', 0);
    existing.resourceCountIs('AWS::Config::DeliveryChannel', 0);
    existing.resourceCountIs('AWS::Config::ConfigRule', RuleSet.recommended().rules.length);
    expect(monitor.configBucket).toBeUndefined();
    expect(resourcesOf('AWS::S3::Bucket', existing).map(({ properties }) => properties.BucketName['Fn::Join'][1][0]).sort())
      .toEqual(['compliance-logs-test-', 'compliance-reports-test-']);
    expect(resourcesOf('AWS::Config::ConfigRule', existing)[0].resource.DependsOn).toBeUndefined();
    const outputs = Object.keys(existing.findOutputs('*')).join(' ');
    expect(outputs).not.toMatch(/ConfigRecorderName|ConfigBucketName/);
    expect(outputs).toMatch(/ReportsBucketName/);
  });

  test('an account aggregator over every region', () => {
    template.hasResourceProperties('AWS::Config::ConfigurationAggregator', {
      ConfigurationAggregatorName: 'compliance-aggregator-test',
      AccountAggregationSources: [{ AccountIds: [{ Ref: 'AWS::AccountId' }], AllAwsRegions: true }],
    });
  });
});

describe('events', () => {
  test('compliance changes of exactly this set\'s rules reach the analyzer, with a dead-letter queue', () => {
    const analyzerArn = { 'Fn::GetAtt': [logicalId(defaults.monitor.analyzerFunction), 'Arn'] };
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: 'compliance-compliance-change-test',
      EventPattern: {
        'source': ['aws.config'],
        'detail-type': ['Config Rules Compliance Change'],
        'detail': { configRuleName: RuleSet.recommended().ruleNames.map((name) => `${name}-test`) },
      },
      Targets: [Match.objectLike({ Arn: analyzerArn, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(defaults.monitor.functionDeadLetterQueues.analyzer), 'Arn'] } } })],
    });
  });

  test('the sweep goes to the analyzer and the report schedule to the aggregator', () => {
    template.hasResourceProperties('AWS::Events::Rule', { Name: 'compliance-scan-test', Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(defaults.monitor.analyzerFunction), 'Arn'] } })] });
    template.hasResourceProperties('AWS::Events::Rule', { Name: 'compliance-report-test', Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(defaults.monitor.aggregatorFunction), 'Arn'] } })] });
  });
});

describe('observability', () => {
  test('alarms: each function\'s errors, each dead-letter queue, compliance below the threshold; all notify the topic', () => {
    const alarms = resourcesOf('AWS::CloudWatch::Alarm');
    expect(alarms.map(({ properties }) => properties.AlarmName).sort()).toEqual([
      'compliance-aggregator-dlq-messages-test', 'compliance-aggregator-errors-test', 'compliance-alerts-dlq-messages-test',
      'compliance-analyzer-dlq-messages-test', 'compliance-analyzer-errors-test', 'compliance-compliance-low-test',
      'compliance-remediator-dlq-messages-test', 'compliance-remediator-errors-test',
    ]);
    for (const { properties } of alarms) {
      expect(properties.AlarmActions).toEqual([{ Ref: logicalId(defaults.monitor.alertTopic) }]);
    }
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'compliance-compliance-low-test',
      Metrics: [Match.objectLike({
        MetricStat: {
          Metric: { Namespace: 'ComplianceMonitor', MetricName: 'CompliancePercentage', Dimensions: [{ Name: 'EnvironmentSuffix', Value: 'test' }] },
          Period: 21600,
          Stat: 'Minimum',
        },
      })],
      Threshold: 90,
      ComparisonOperator: 'LessThanThreshold',
    });
    synth({ complianceAlarmThreshold: 75 }).template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'compliance-compliance-low-test', Threshold: 75 });
  });

  test('the dashboard shows compliance over time, findings by rule, each function and the dead-letter queues', () => {
    const body = JSON.stringify(resourcesOf('AWS::CloudWatch::Dashboard')[0].properties.DashboardBody);
    for (const title of ['Compliance %', 'Non-compliant resources by rule', 'Errors', 'Duration (p99)', 'Throttles', 'Dead-letter queue depth']) {
      expect(body).toContain(`\\"title\\":\\"${title}\\"`);
    }
    for (const name of RuleSet.recommended().ruleNames) {
      expect(body).toContain(`\\"ConfigRuleName\\",\\"${name}-test\\"`);
    }
    expect(body.match(/\\"AWS\/Lambda\\",\\"(Errors|Duration|Throttles)\\"/g)).toHaveLength(9);
    expect(body.match(/ApproximateNumberOfMessagesVisible/g)).toHaveLength(4);
  });
});

describe('outputs and tags', () => {
  test('outputs name the table, buckets, topic, functions, dashboard and recorder', () => {
    expect(Object.keys(template.findOutputs('*')).map((id) => id.replace(/^Compliance/, '').replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'AggregatorFunctionName', 'AlertTopicArn', 'AnalyzerFunctionName', 'ConfigBucketName', 'ConfigRecorderName',
      'DashboardName', 'FindingsTableName', 'RemediatorFunctionName', 'ReportsBucketName',
    ]);
  });

  test('every taggable resource carries the default tags and the props\' tags', () => {
    const { template: tagged } = synth({ tags: { CostCenter: 'cc-7', Environment: 'production' } });
    const expected = { Environment: 'production', Project: 'compliance-monitor', ManagedBy: 'cdk-compliance-monitor', Purpose: 'compliance-monitoring', CostCenter: 'cc-7' };
    const taggable = ['AWS::KMS::Key', 'AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::SNS::Topic', 'AWS::SQS::Queue', 'AWS::Lambda::Function',
      'AWS::IAM::Role', 'AWS::Logs::LogGroup', 'AWS::Config::ConfigurationAggregator', 'AWS::Events::Rule', 'AWS::CloudWatch::Alarm'];
    for (const type of taggable) {
      const resources = resourcesOf(type, tagged).filter(({ id }) => !id.startsWith('CustomS3AutoDeleteObjects'));
      expect(resources.length).toBeGreaterThan(0);
      for (const { properties } of resources) {
        const tags = Object.fromEntries((properties.Tags ?? []).map((tag: { Key: string; Value: string }) => [tag.Key, tag.Value]));
        expect([type, tags]).toEqual([type, expect.objectContaining(expected)]);
      }
    }
  });

  test('every name carries the suffix', () => {
    const named = [
      ...resourcesOf('AWS::Lambda::Function').map(({ properties }) => properties.FunctionName).filter(Boolean),
      ...resourcesOf('AWS::SQS::Queue').map(({ properties }) => properties.QueueName),
      ...resourcesOf('AWS::SNS::Topic').map(({ properties }) => properties.TopicName),
      ...resourcesOf('AWS::Events::Rule').map(({ properties }) => properties.Name),
      ...resourcesOf('AWS::CloudWatch::Alarm').map(({ properties }) => properties.AlarmName),
      ...resourcesOf('AWS::CloudWatch::Dashboard').map(({ properties }) => properties.DashboardName),
      ...resourcesOf('AWS::DynamoDB::Table').map(({ properties }) => properties.TableName),
    ];
    expect(named.length).toBeGreaterThan(20);
    for (const name of named) {
      expect(name).toMatch(/^compliance-[a-z0-9-]+-test$/);
    }
  });
});
