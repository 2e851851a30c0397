import { Annotations, Aws, aws_iam as iam, aws_kms as kms, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { resourceName } from '../naming';

/** Properties of the monitor's key. */
export interface EncryptionKeyProps {
  readonly environmentSuffix: string;
  readonly removalPolicy: RemovalPolicy;
}

const ENCRYPT_AND_DECRYPT = ['kms:Decrypt', 'kms:GenerateDataKey*'];

/** Where the key's statements apply: the deployment's own values, or placeholders to show a person. */
interface KeyPolicyScope {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/**
 * What the services that write to the monitor's encrypted resources need of the key: CloudWatch
 * Logs for this monitor's log groups only, SNS (into the encrypted dead-letter queues), AWS Config
 * (its deliveries to S3), EventBridge (into the dead-letter queues of its targets) and CloudWatch
 * alarms (publishing to the encrypted alert topic). The account administers the key through IAM.
 */
function keyPolicyStatements(environmentSuffix: string, where: KeyPolicyScope): iam.PolicyStatement[] {
  const sameAccount = { StringEquals: { 'aws:SourceAccount': where.account } };
  return [
    new iam.PolicyStatement({
      sid: 'CloudWatchLogsForThisMonitorsLogGroups',
      principals: [new iam.ServicePrincipal(`logs.${where.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn':
            `arn:${where.partition}:logs:${where.region}:${where.account}:log-group:/aws/lambda/${resourceName('*', environmentSuffix)}`,
        },
      },
    }),
    ...[['Sns', 'sns'], ['Config', 'config'], ['EventBridge', 'events']].map(([sid, service]) => new iam.PolicyStatement({
      sid: `${sid}FromThisAccount`,
      principals: [new iam.ServicePrincipal(`${service}.amazonaws.com`)],
      actions: ENCRYPT_AND_DECRYPT,
      resources: ['*'],
      conditions: sameAccount,
    })),
    // As AWS documents it for alarms that publish to an encrypted topic: the service, no condition.
    new iam.PolicyStatement({
      sid: 'CloudWatchAlarms',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ENCRYPT_AND_DECRYPT,
      resources: ['*'],
    }),
  ];
}

/**
 * Adds to the key's policy what the services need (see keyPolicyStatements). An imported key's
 * policy cannot be changed from the stack: then a synth warning lists each statement that policy
 * must hold, since without them the first deployment fails (log groups cannot be created).
 */
export function grantServicesUseOfKey(key: kms.IKey, environmentSuffix: string): void {
  const deployed = { partition: Aws.PARTITION, region: Aws.REGION, account: Aws.ACCOUNT_ID };
  const refused = keyPolicyStatements(environmentSuffix, deployed).filter((statement) => !key.addToResourcePolicy(statement).statementAdded);
  if (refused.length === 0) {
    return;
  }
  const placeholders = { partition: '<partition>', region: '<region>', account: '<account>' };
  const missing = keyPolicyStatements(environmentSuffix, placeholders)
    .filter((statement) => refused.some((refusal) => refusal.sid === statement.sid))
    // Resolved, because a service principal renders through a token.
    .map((statement) => Stack.of(key).resolve(statement.toStatementJson()));
  Annotations.of(key).addWarningV2('cdk-compliance-monitor:encryptionKeyPolicy',
    `encryptionKey is imported, so the monitor cannot add to its key policy: add these ${missing.length} statements to it ` +
    `before deploying, or the log groups, queues and topics of the monitor cannot use the key: ${JSON.stringify(missing)}`);
}

/** The monitor's key: rotated yearly, with an alias named after the monitor. */
export function createEncryptionKey(scope: Construct, id: string, props: EncryptionKeyProps): kms.Key {
  return new kms.Key(scope, id, {
    alias: `alias/${resourceName('key', props.environmentSuffix)}`,
    description: `Encrypts the data, logs, queues and topics of compliance monitor ${props.environmentSuffix}`,
    enableKeyRotation: true,
    removalPolicy: props.removalPolicy,
  });
}
