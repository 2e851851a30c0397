import { aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_logs as logs, aws_sqs as sqs, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { handlerCode, HandlerName } from './handler-code';
import { FunctionOptions } from '../compliance-monitor-props';
import { createDeadLetterQueue } from '../messaging/dead-letter-queue';
import { resourceName } from '../naming';

/** Properties of a monitor function. */
export interface ComplianceFunctionProps {
  /** Which bundled handler the function runs. */
  readonly handler: HandlerName;
  readonly environmentSuffix: string;
  readonly encryptionKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  readonly environment: Record<string, string>;
  readonly timeout: Duration;
  readonly overrides: FunctionOptions;
}

/** A monitor function with what surrounds it: its own role, log group and dead-letter queue. */
export interface ComplianceFunction {
  readonly function: lambda.Function;
  /** The function's role: no managed policy; each grant names the actions and resources it uses. */
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  /** Asynchronous invocations (schedules, events) that failed every attempt. */
  readonly deadLetterQueue: sqs.Queue;
}

/** Attempts after the first for a failed asynchronous invocation, as many as Lambda allows. */
const ASYNC_RETRY_ATTEMPTS = 2;

/**
 * One of the monitor's Lambda functions, with its defaults: nodejs24.x, arm64, 256 MB,
 * X-Ray tracing and source-mapped stack traces; KMS-encrypted settings, log group and dead-letter queue.
 */
export function createComplianceFunction(scope: Construct, id: string, props: ComplianceFunctionProps): ComplianceFunction {
  const functionName = resourceName(props.handler, props.environmentSuffix);
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `Runs ${functionName}`,
  });
  const logGroup = new logs.LogGroup(scope, `${id}LogGroup`, {
    logGroupName: `/aws/lambda/${functionName}`,
    retention: props.logRetention,
    encryptionKey: props.encryptionKey,
    removalPolicy: props.removalPolicy,
  });
  logGroup.grantWrite(role);
  const deadLetterQueue = createDeadLetterQueue(scope, `${id}DeadLetterQueue`, {
    queueName: resourceName(`${props.handler}-dlq`, props.environmentSuffix),
    encryptionKey: props.encryptionKey,
  });
  const fn = new lambda.Function(scope, id, {
    functionName,
    code: handlerCode(props.handler),
    handler: 'index.handler',
    runtime: props.overrides.runtime ?? lambda.Runtime.NODEJS_24_X,
    architecture: props.overrides.architecture ?? lambda.Architecture.ARM_64,
    memorySize: props.overrides.memorySize ?? 256,
    timeout: props.timeout,
    tracing: lambda.Tracing.ACTIVE,
    role,
    logGroup,
    deadLetterQueue,
    retryAttempts: ASYNC_RETRY_ATTEMPTS,
    environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    // The settings name the monitor's resources and rules: encrypted at rest with the monitor's key.
    environmentEncryption: props.encryptionKey,
  });
  props.encryptionKey.grantDecrypt(role);
  // The function's logging configuration refers to the log group, so the group exists before the
  // function first runs and Lambda never creates an unencrypted, unbounded one.
  return { function: fn, role, logGroup, deadLetterQueue };
}
