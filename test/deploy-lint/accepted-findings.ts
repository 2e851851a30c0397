/**
 * The cfn-lint and checkov findings over the monitor's templates (test/deploy-lint/variants.ts)
 * that are accepted, each with its reason. The tests keep these lists exact: a finding not listed
 * fails, and so does a listed one that no longer occurs. Defects are fixed in src/, not listed here.
 */

/** The three Lambda functions of the monitor, by logical id. */
const MONITOR_FUNCTIONS = ['ComplianceAnalyzer18D2832B', 'ComplianceAggregatorE8B5BABF', 'ComplianceRemediatorC642C0C7'];
/**
 * The Lambda function of aws-cdk-lib's auto-delete-objects custom resource provider, which the
 * buckets' `autoDeleteObjects` adds with the default `removalPolicy: DESTROY` (not with RETAIN).
 * aws-cdk-lib's CustomResourceProvider lets no caller set its concurrency, VPC, DLQ or dependencies.
 */
const AUTO_DELETE_PROVIDER = 'CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F';

export interface AcceptedFinding {
  /** The cfn-lint rule or checkov check. */
  readonly rule: string;
  /**
   * The resources, by logical id, on which it is accepted: every variant whose template has one
   * of them must report it there. `ANY_RESOURCE` accepts the rule wherever it occurs; it must
   * still occur.
   */
  readonly resources: readonly string[] | typeof ANY_RESOURCE;
  readonly reason: string;
}

export const ANY_RESOURCE = 'any resource';

/** cfn-lint warnings and informational findings (errors are never accepted). */
export const CFN_LINT_ACCEPTED: readonly AcceptedFinding[] = [
  {
    rule: 'W3005',
    resources: MONITOR_FUNCTIONS,
    reason: 'aws-cdk-lib\'s lambda.Function makes the function depend on its role construct, so that the role\'s default ' +
      'policy exists before the function can run; the role half of that DependsOn is also the GetAtt of Properties.Role.',
  },
  {
    rule: 'W3005',
    resources: [AUTO_DELETE_PROVIDER],
    reason: 'aws-cdk-lib\'s auto-delete-objects provider writes DependsOn on its role beside the GetAtt of its Role property.',
  },
  {
    rule: 'I1022',
    resources: ANY_RESOURCE,
    reason: 'Informational style advice ("prefer Fn::Sub over Fn::Join with an empty delimiter"): aws-cdk-lib writes every ' +
      'string that concatenates tokens (ARNs, names, policies, the dashboard body) as Fn::Join with an empty delimiter; ' +
      'both deploy the same, and the template is generated, never edited.',
  },
];

/** checkov's failed checks. */
export const CHECKOV_ACCEPTED: readonly AcceptedFinding[] = [
  {
    rule: 'CKV_AWS_115',
    resources: MONITOR_FUNCTIONS,
    reason: 'Reserved concurrency fails to deploy in accounts whose concurrency limit is the default of 10; the functions are ' +
      'invoked by their schedules and by AWS Config, which bound their concurrency (as cdk-nag\'s NIST.800.53.R5-LambdaConcurrency).',
  },
  {
    rule: 'CKV_AWS_115',
    resources: [AUTO_DELETE_PROVIDER],
    reason: 'aws-cdk-lib\'s provider is invoked only by CloudFormation, once per bucket when the stack creates, updates or deletes it.',
  },
  {
    rule: 'CKV_AWS_117',
    resources: [...MONITOR_FUNCTIONS, AUTO_DELETE_PROVIDER],
    reason: 'The functions call only AWS APIs: inside a VPC they would need NAT or interface endpoints for Config, DynamoDB, S3, ' +
      'SNS, KMS and CloudWatch, and gain no isolation (as cdk-nag\'s NIST.800.53.R5-LambdaInsideVPC).',
  },
  {
    rule: 'CKV_AWS_116',
    resources: [AUTO_DELETE_PROVIDER],
    reason: 'CloudFormation invokes a custom resource provider synchronously; a Lambda DLQ receives only failed asynchronous invocations.',
  },
  {
    rule: 'CKV_AWS_18',
    resources: ['ComplianceAccessLogsBucket239CF8D6'],
    reason: 'The access logs bucket is where the other buckets\' server access logs go: logging it into itself would log ' +
      'its own log deliveries without end, and logging it elsewhere needs yet another bucket without logging.',
  },
];
