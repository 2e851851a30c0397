import type { RuleCases } from './rule-case';
import { fixture, invokingEventItem } from '../../support/fixtures';

/** The 1.3 item of a rule invocation: Block Public Access all on, logging off, no replication. */
const S3_EVENT = invokingEventItem('configuration-items/AWS-S3-Bucket.create-event.json');
/** The RDK sample (1.3): a policy denying s3:* without TLS, on the bucket only. */
const RDK_S3 = fixture('configuration-items/rdk-example-AWS_S3_Bucket.json');
/** A 1.2 history item (supplementary values as JSON text) with one enabled replication rule. */
const S3_REPLICATION = fixture('configuration-items/AWS-S3-Bucket.replication.json');

/** For each rule of src/core/rules/families/s3.ts: a real item in its scope that it judges (not NOT_APPLICABLE), and the parameters it needs. */
export const S3_CASES: RuleCases = {
  's3-bucket-level-public-access-prohibited': [S3_EVENT, {}],
  's3-bucket-ssl-requests-only': [RDK_S3, {}],
  's3-bucket-logging-enabled': [S3_EVENT, {}],
  's3-bucket-replication-enabled': [S3_REPLICATION, {}],
};
