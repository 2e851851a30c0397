import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { exampleMonitorProps } from './example-monitor';
import { ComplianceMonitor, RemediationMode } from '../src';
import * as nagAcknowledgements from '../src/nag-acknowledgements';

function monitorStack(): Stack {
  const stack = new Stack(new App(), 'Stack');
  // The example monitor, applying its fixes: every permission the monitor can grant is checked.
  new ComplianceMonitor(stack, 'Compliance', { ...exampleMonitorProps('test'), remediation: RemediationMode.APPLY });
  return stack;
}

/** Every acknowledgement in the tree: `path: finding` → reason. */
function acknowledgements(root: IConstruct): Record<string, string> {
  const found: Record<string, string> = {};
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata.filter((metadata) => metadata.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)) {
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        // aws-cdk-lib qualifies an id with one `::` no further as `annotation::{id}`.
        found[`${construct.node.path}: ${id.replace(/^annotation::/, '')}`] = reason;
      }
    }
  }
  return found;
}

describe('cdk-nag', () => {
  const stack = monitorStack();

  test.each([
    ['AwsSolutions', new AwsSolutionsChecks()],
    ['NIST 800-53 rev 5', new NIST80053R5Checks()],
  ])('%s: no finding that is not acknowledged', (_, pack) => {
    const report = pack.validateScope(stack);
    expect(report.violations.map((violation) => `${violation.ruleName}: ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`)).toEqual([]);
  });

  test('the acknowledged findings are exactly these, each with a reason', () => {
    const found = acknowledgements(stack);
    for (const reason of Object.values(found)) {
      expect(reason.length).toBeGreaterThan(30);
    }
    const roles = ['Analyzer', 'Aggregator', 'Remediator'].flatMap((fn) => [
      `Stack/Compliance/${fn}Role: AwsSolutions-IAM5[Resource::*]`,
      `Stack/Compliance/${fn}Role: AwsSolutions-IAM5[Resource::<ComplianceFindingsTable0C59D65B.Arn>/index/*]`,
      `Stack/Compliance/${fn}Role: NIST.800.53.R5-IAMNoInlinePolicy`,
    ]);
    const functions = ['Analyzer', 'Aggregator', 'Remediator'].flatMap((fn) => [
      `Stack/Compliance/${fn}: NIST.800.53.R5-LambdaConcurrency`,
      `Stack/Compliance/${fn}: NIST.800.53.R5-LambdaInsideVPC`,
    ]);
    expect(Object.keys(found).sort()).toEqual([
      ...roles,
      ...['Analyzer', 'Remediator'].flatMap((fn) => [
        `Stack/Compliance/${fn}Role: AwsSolutions-IAM5[Action::kms:GenerateDataKey*]`,
        `Stack/Compliance/${fn}Role: AwsSolutions-IAM5[Action::kms:ReEncrypt*]`,
      ]),
      ...functions,
      'Stack/Compliance/AnalyzerRole: AwsSolutions-IAM5[Resource::<ComplianceRemediatorC642C0C7.Arn>:*]',
      'Stack/Compliance/AggregatorRole: AwsSolutions-IAM5[Resource::<ComplianceReportsBucket6B7B4625.Arn>/reports/*]',
      'Stack/Compliance/RemediatorRole: AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:instance/*]',
      'Stack/Compliance/RemediatorRole: AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:security-group/*]',
      'Stack/Compliance/RemediatorRole: AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:db:*]',
      'Stack/Compliance/RemediatorRole: AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::*]',
      'Stack/Compliance/AlertTopicDeadLetterQueue: AwsSolutions-SQS3',
      'Stack/Compliance/ConfigRecorderRole: AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]',
      'Stack/Compliance/ConfigRecorderDeliveryPolicy: AwsSolutions-IAM5[Resource::<ComplianceConfigBucketCB2C35BC.Arn>/AWSLogs/<AWS::AccountId>/Config/*]',
      'Stack/Compliance/ConfigRecorderDeliveryPolicy: NIST.800.53.R5-IAMNoInlinePolicy',
      'Stack/Compliance/AnalyzerConfigRulesPolicy: NIST.800.53.R5-IAMNoInlinePolicy',
      'Stack/Compliance/AccessLogsBucket: NIST.800.53.R5-S3BucketReplicationEnabled',
      'Stack/Compliance/ConfigBucket: NIST.800.53.R5-S3BucketReplicationEnabled',
      'Stack/Compliance/ReportsBucket: NIST.800.53.R5-S3BucketReplicationEnabled',
      'Stack/Compliance/AccessLogsBucket: NIST.800.53.R5-S3DefaultEncryptionKMS',
      'Stack/Compliance/FindingsTable: NIST.800.53.R5-DynamoDBInBackupPlan',
    ].sort());
  });

  test('without the acknowledgements the packs would report these findings: the list is not stale', () => {
    const withoutAcknowledgements = jest.spyOn(nagAcknowledgements, 'acknowledgeFindings').mockImplementation(() => undefined);
    const bare = monitorStack();
    withoutAcknowledgements.mockRestore();
    const findings = [new AwsSolutionsChecks(), new NIST80053R5Checks()].flatMap((pack) => pack.validateScope(bare).violations)
      .flatMap((violation) => violation.violatingResources.map((resource) => `${(resource.constructPath ?? '').replace(/\/(Resource|DefaultPolicy\/Resource)$/, '')}: ${violation.ruleName}`));
    expect(new Set(findings)).toEqual(new Set(Object.keys(acknowledgements(stack))));
  });
});
