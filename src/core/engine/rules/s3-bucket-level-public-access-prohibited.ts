import { RuleImplementation } from '../types';
import { asRecordOrJson, csv } from '../values';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';

/** The bucket-level Block Public Access settings, as Config records them (`PublicAccessBlockConfiguration`). */
export const BLOCK_PUBLIC_ACCESS_SETTINGS = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;

/** The buckets the rule lets be public: its verdict judges them compliant, and its fix leaves them alone. */
export function excludedPublicBuckets(parameters: Readonly<Record<string, string>>): ReadonlySet<string> {
  return new Set(csv(parameters.excludedPublicBuckets));
}

const BLOCKED = compliant('Bucket-level Block Public Access settings are all enabled');
const NO_SETTINGS = nonCompliant(`No bucket-level Block Public Access settings (${BLOCK_PUBLIC_ACCESS_SETTINGS.join(', ')} are all off)`);
const EXCLUDED = compliant('Bucket-level settings are public, and the bucket is listed in excludedPublicBuckets');
const settingsOff = sharedVerdicts((off: string) => nonCompliant(`Bucket-level Block Public Access settings off: ${off}`));

/**
 * S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED: NON_COMPLIANT when the bucket-level settings are public
 * and the bucket is not in `excludedPublicBuckets`. Public, as Security Hub's S3.8 states it: any of
 * the four Block Public Access settings is false. Config records the settings when the bucket has
 * them; a bucket without them has all four off. An older page also said that a listed public bucket
 * is COMPLIANT; the current page says only when the rule is NON_COMPLIANT, and does not contradict it.
 */
export const s3BucketLevelPublicAccessProhibited: RuleImplementation = {
  ruleName: 's3-bucket-level-public-access-prohibited',
  compile: (parameters) => {
    const excluded = excludedPublicBuckets(parameters);
    return (item) => {
      const settings = asRecordOrJson(item.supplementaryConfiguration.PublicAccessBlockConfiguration);
      if (settings && BLOCK_PUBLIC_ACCESS_SETTINGS.every((setting) => settings[setting] === true)) {
        return BLOCKED;
      }
      // A bucket's resource id is its name, which excludedPublicBuckets lists.
      if (excluded.has(item.resourceId)) {
        return EXCLUDED;
      }
      return settings ? settingsOff(BLOCK_PUBLIC_ACCESS_SETTINGS.filter((setting) => settings[setting] !== true).join(', ')) : NO_SETTINGS;
    };
  },
};
