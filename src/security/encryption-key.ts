import { Aws, aws_iam as iam, aws_kms as kms, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { resourceName } from '../naming';

/** Properties of the monitor's key. */
export interface EncryptionKeyProps {
  readonly environmentSuffix: string;
  readonly removalPolicy: RemovalPolicy;
}

const ENCRYPT_AND_DECRYPT = ['kms:Decrypt', 'kms:GenerateDataKey*'];

function sameAccount(): Record<string, unknown> {
  return { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } };
}

/**
 * Lets the services that write to the monitor's encrypted resources use the key: CloudWatch Logs
 * for this monitor's log groups only, SNS (into the encrypted dead-letter queues), AWS Config (its
 * deliveries to S3 and SNS), EventBridge (into the dead-letter queues of its targets) and CloudWatch
 * alarms (publishing to the encrypted alert topic). The account administers the key through IAM.
 */
export function grantServicesUseOfKey(key: kms.IKey, environmentSuffix: string): void {
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'CloudWatchLogsForThisMonitorsLogGroups',
    principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: {
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn':
          `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:/aws/lambda/${resourceName('*', environmentSuffix)}`,
      },
    },
  }));
  for (const [sid, service] of [['Sns', 'sns'], ['Config', 'config'], ['EventBridge', 'events']]) {
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: `${sid}FromThisAccount`,
      principals: [new iam.ServicePrincipal(`${service}.amazonaws.com`)],
      actions: ENCRYPT_AND_DECRYPT,
      resources: ['*'],
      conditions: sameAccount(),
    }));
  }
  // As AWS documents it for alarms that publish to an encrypted topic: the service, no condition.
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'CloudWatchAlarms',
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ENCRYPT_AND_DECRYPT,
    resources: ['*'],
  }));
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
