import { listedKeyVerdict } from './kms-key';
import { RuleImplementation } from '../types';
import { asRecord, asString, csv } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

/** SSEDescription statuses of a table whose data is under its KMS key (UPDATING: the key is being changed). */
const KMS_IN_USE = new Set(['ENABLED', 'UPDATING']);

const AWS_OWNED_KEY = nonCompliant('Table is encrypted with an AWS owned key, not with AWS KMS');
const KEY_NOT_RECORDED = notApplicable('Table is encrypted with AWS KMS; its key ARN is not recorded');
const notKms = sharedVerdicts((encryption: string) => nonCompliant(`Table is not encrypted with AWS KMS: ${encryption}`));
const encryptedWith = sharedVerdicts((keyArn: string | undefined) => compliant(`Table is encrypted with AWS KMS${keyArn ? ` key ${keyArn}` : ''}`));

/**
 * DYNAMODB_TABLE_ENCRYPTED_KMS: the table is encrypted with a KMS key (SSE type KMS, the AWS
 * managed key or a customer managed one); with `kmsKeyArns`, one of those keys. DynamoDB describes
 * no SSE for a table on the default AWS owned key, so Config records no `ssedescription`: a violation.
 * Field names are the Config resource schema's (`ssedescription.ssetype`, `kmsmasterKeyArn`).
 * An alias in `kmsKeyArns` (the page asks for key ARNs) can only be matched by KMS: NOT_APPLICABLE, saying so.
 */
export const dynamodbTableEncryptedKms: RuleImplementation = {
  ruleName: 'dynamodb-table-encrypted-kms',
  compile: (parameters) => {
    const listed = csv(parameters.kmsKeyArns);
    const verdictOf = listedKeyVerdict('Table', 'kmsKeyArns', listed, encryptedWith);
    return (item) => {
      const sse = asRecord(item.configuration.ssedescription);
      if (!sse) {
        return AWS_OWNED_KEY;
      }
      const type = asString(sse.ssetype);
      const status = asString(sse.status);
      if (type !== 'KMS' || status === undefined || !KMS_IN_USE.has(status)) {
        return notKms(`SSE type ${type ?? 'not recorded'}, status ${status ?? 'not recorded'}`);
      }
      const keyArn = asString(sse.kmsmasterKeyArn);
      if (keyArn === undefined) {
        return listed.length > 0 ? KEY_NOT_RECORDED : encryptedWith(undefined);
      }
      return verdictOf(keyArn);
    };
  },
};
