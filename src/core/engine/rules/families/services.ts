import { SERVICES_DEFINITIONS } from '../../../rules/families/services';
import { RuleImplementation } from '../../types';
import { dynamodbPitrEnabled } from '../dynamodb-pitr-enabled';
import { dynamodbTableEncryptedKms } from '../dynamodb-table-encrypted-kms';
import { elbLoggingEnabled } from '../elb-logging-enabled';
import { lambdaFunctionPublicAccessProhibited } from '../lambda-function-public-access-prohibited';
import { lambdaFunctionSettingsCheck } from '../lambda-function-settings-check';
import { secretsmanagerRotationEnabledCheck } from '../secretsmanager-rotation-enabled-check';
import { snsEncryptedKms } from '../sns-encrypted-kms';

/** The engine's implementation of each rule of {@link SERVICES_DEFINITIONS}, by rule name. */
export const SERVICES_RULES: Readonly<Record<keyof typeof SERVICES_DEFINITIONS, RuleImplementation>> = {
  'dynamodb-pitr-enabled': dynamodbPitrEnabled,
  'dynamodb-table-encrypted-kms': dynamodbTableEncryptedKms,
  'lambda-function-public-access-prohibited': lambdaFunctionPublicAccessProhibited,
  'lambda-function-settings-check': lambdaFunctionSettingsCheck,
  'sns-encrypted-kms': snsEncryptedKms,
  'secretsmanager-rotation-enabled-check': secretsmanagerRotationEnabledCheck,
  'elb-logging-enabled': elbLoggingEnabled,
};
