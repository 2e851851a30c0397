import { RuleImplementation, Verdict } from '../types';
import { asRecord, asRecordOrJson } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

/** The values of ReplicationType the page accepts. */
const REPLICATION_TYPES: ReadonlySet<string> = new Set(['CROSS-REGION', 'SAME-REGION']);

const NO_RULE = nonCompliant('No replication rule');
const rulesEnabled = sharedVerdicts((count: number) => compliant(`${count} replication rule${count === 1 ? '' : 's'}, all enabled`));
const ruleNotEnabled = sharedVerdicts((rule: string) => nonCompliant(`Replication rule ${rule} is not enabled`));

/** What a bucket whose replication rules are all enabled is, with ReplicationType set: never checked offline. */
function replicationTypeVerdict(type: string | undefined): Verdict | undefined {
  if (type === undefined) {
    return undefined;
  }
  return REPLICATION_TYPES.has(type)
    ? notApplicable(`ReplicationType ${type} cannot be checked offline: the item does not record the destination buckets' Regions`)
    : notApplicable(`ReplicationType "${type}" is not CROSS-REGION or SAME-REGION, the values AWS accepts`);
}

/**
 * S3_BUCKET_REPLICATION_ENABLED: NON_COMPLIANT when the bucket has no replication rule, or a rule
 * that is not enabled. Config records `BucketReplicationConfiguration` for a bucket that has one,
 * its `rules` keyed by rule id; a bucket without it has no replication rule.
 *
 * With `ReplicationType`, every bucket must have only Cross-Region (CROSS-REGION) or only
 * Same-Region (SAME-REGION) replication. Which it is depends on the destination buckets' Regions,
 * which the item does not record (an S3 ARN names no Region): the engine cannot check it offline,
 * so a bucket whose rules are all enabled is NOT_APPLICABLE, saying so, rather than guessed. A
 * bucket without enabled replication is NON_COMPLIANT whatever the type. An older page (2020) named
 * no parameter and checked Cross-Region replication; the current page's rule checks any replication.
 */
export const s3BucketReplicationEnabled: RuleImplementation = {
  ruleName: 's3-bucket-replication-enabled',
  compile: (parameters) => {
    const typeVerdict = replicationTypeVerdict(parameters.ReplicationType);
    return (item) => {
      // An object in a rule invocation's item, JSON text in get-resource-config-history's.
      const replication = asRecordOrJson(item.supplementaryConfiguration.BucketReplicationConfiguration);
      // Keyed by rule id, as Config records them.
      const rules = Object.entries(asRecord(replication?.rules) ?? {});
      if (rules.length === 0) {
        return NO_RULE;
      }
      for (const [id, rule] of rules) {
        if (asRecord(rule)?.status !== 'Enabled') {
          return ruleNotEnabled(id);
        }
      }
      return typeVerdict ?? rulesEnabled(rules.length);
    };
  },
};
