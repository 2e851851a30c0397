import { ConfigurationItem, RuleImplementation } from '../types';
import { asArray, asRecord, asRecordOrJson, asString, csv } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
/** ELBv2 types the rule does not apply to (the current page; an older one did not say so). */
const NOT_EVALUATED_TYPES: ReadonlySet<string> = new Set(['network', 'gateway']);

/** What a load balancer records of its access logs. */
interface AccessLogs {
  readonly enabled: boolean;
  readonly bucket?: string;
}

/** ELBv2: the `access_logs.s3.*` entries of the supplementary LoadBalancerAttributes, a list of `{key, value}`. */
function applicationAccessLogs(item: ConfigurationItem): AccessLogs | undefined {
  let enabled: boolean | undefined;
  let bucket: string | undefined;
  for (const entry of asArray(item.supplementaryConfiguration.LoadBalancerAttributes)) {
    const attribute = asRecord(entry);
    const key = asString(attribute?.key);
    if (key === 'access_logs.s3.enabled') {
      enabled = asString(attribute?.value) === 'true';
    } else if (key === 'access_logs.s3.bucket') {
      bucket = asString(attribute?.value);
    }
  }
  return enabled === undefined ? undefined : { enabled, bucket };
}

/** Classic: `accessLog` of the supplementary LoadBalancerAttributes (`{enabled, s3BucketName, ...}`). */
function classicAccessLogs(item: ConfigurationItem): AccessLogs | undefined {
  const accessLog = asRecord(asRecordOrJson(item.supplementaryConfiguration.LoadBalancerAttributes)?.accessLog);
  return typeof accessLog?.enabled === 'boolean' ? { enabled: accessLog.enabled, bucket: asString(accessLog.s3BucketName) } : undefined;
}

const NOT_RECORDED = notApplicable('Access log attributes not recorded');
const BUCKET_NOT_RECORDED = notApplicable('Access logging is enabled; its S3 bucket is not recorded');
const LOGGING_DISABLED = nonCompliant('Access logging is disabled');
const LOGGING_ENABLED = compliant('Access logging is enabled');
const notEvaluatedType = sharedVerdicts((type: string) =>
  notApplicable(`A ${type} load balancer: the rule applies to Application and Classic Load Balancers only`));
const logsTo = sharedVerdicts((bucket: string) => compliant(`Access logs go to S3 bucket ${bucket}`));
const notListed = sharedVerdicts((bucket: string) => nonCompliant(`Access logs go to S3 bucket ${bucket}, which s3BucketNames does not list`));

/**
 * ELB_LOGGING_ENABLED: the Application or Classic Load Balancer has access logs enabled
 * (`access_logs.s3.enabled`; a Classic one's `accessLog.enabled`); with `s3BucketNames`, to one of
 * those buckets. Network and Gateway Load Balancers are NOT_APPLICABLE.
 */
export const elbLoggingEnabled: RuleImplementation = {
  ruleName: 'elb-logging-enabled',
  compile: (parameters) => {
    const buckets = new Set(csv(parameters.s3BucketNames));
    return (item) => {
      const type = asString(item.configuration.type);
      if (type !== undefined && NOT_EVALUATED_TYPES.has(type)) {
        return notEvaluatedType(type);
      }
      const logs = item.resourceType === CLASSIC ? classicAccessLogs(item) : applicationAccessLogs(item);
      if (!logs) {
        return NOT_RECORDED;
      }
      if (!logs.enabled) {
        return LOGGING_DISABLED;
      }
      if (!logs.bucket) {
        return buckets.size > 0 ? BUCKET_NOT_RECORDED : LOGGING_ENABLED;
      }
      return buckets.size === 0 || buckets.has(logs.bucket) ? logsTo(logs.bucket) : notListed(logs.bucket);
    };
  },
};
