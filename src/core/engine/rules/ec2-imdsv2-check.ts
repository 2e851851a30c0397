import { RuleImplementation } from '../types';
import { asRecord, asString } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const IMDSV2_REQUIRED = compliant('IMDSv2 is required (httpTokens required)');
const NOT_RECORDED = notApplicable('Metadata options not recorded (no httpTokens)');
const imdsv1Allowed = sharedVerdicts((httpTokens: string) => nonCompliant(`IMDSv1 is allowed (httpTokens ${httpTokens})`));

/**
 * EC2_IMDSV2_CHECK: `metadataOptions.httpTokens` is `required`; `optional` (IMDSv1 allowed) is
 * NON_COMPLIANT. The page makes a violation of `optional` only, so an item without httpTokens is
 * not recorded, NOT_APPLICABLE.
 */
export const ec2Imdsv2Check: RuleImplementation = {
  ruleName: 'ec2-imdsv2-check',
  compile: () => (item) => {
    const httpTokens = asString(asRecord(item.configuration.metadataOptions)?.httpTokens);
    if (httpTokens === undefined) {
      return NOT_RECORDED;
    }
    return httpTokens === 'required' ? IMDSV2_REQUIRED : imdsv1Allowed(httpTokens);
  },
};
