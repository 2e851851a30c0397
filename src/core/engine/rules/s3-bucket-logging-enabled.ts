import { RuleImplementation } from '../types';
import { asRecordOrJson, asString } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const NOT_RECORDED = notApplicable('Logging configuration not recorded');
const NOT_ENABLED = nonCompliant('Server access logging is not enabled');
const loggingTo = sharedVerdicts((bucket: string) => compliant(`Server access logs go to ${bucket}`));

/**
 * S3_BUCKET_LOGGING_ENABLED: server access logging is enabled (a target bucket is recorded); with
 * `targetBucket`, logs go to that bucket; with `targetPrefix`, under that prefix. Names are compared
 * as they are written: bucket names and key prefixes are case-sensitive. Config records every
 * bucket's logging configuration (both fields null when logging is off); an item without one is not
 * recorded, not a violation.
 */
export const s3BucketLoggingEnabled: RuleImplementation = {
  ruleName: 's3-bucket-logging-enabled',
  compile: (parameters) => {
    const { targetBucket, targetPrefix } = parameters;
    const otherBucket = sharedVerdicts((bucket: string) => nonCompliant(`Server access logs go to ${bucket}, not ${targetBucket}`));
    const otherPrefix = sharedVerdicts((prefix: string) => nonCompliant(`Server access logs go under the prefix "${prefix}", not "${targetPrefix}"`));
    return (item) => {
      // An object in a rule invocation's item, JSON text in get-resource-config-history's.
      const logging = asRecordOrJson(item.supplementaryConfiguration.BucketLoggingConfiguration);
      if (logging === undefined) {
        return NOT_RECORDED;
      }
      const bucket = asString(logging.destinationBucketName);
      if (!bucket) {
        return NOT_ENABLED;
      }
      if (targetBucket !== undefined && bucket !== targetBucket) {
        return otherBucket(bucket);
      }
      const prefix = asString(logging.logFilePrefix) ?? '';
      if (targetPrefix !== undefined && prefix !== targetPrefix) {
        return otherPrefix(prefix);
      }
      return loggingTo(bucket);
    };
  },
};
