import { RuleImplementation } from '../types';
import { asRecord, asString } from '../values';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';

const IMDSV2_REQUIRED = compliant('IMDSv2 is required (httpTokens required)');
const imdsv1Allowed = sharedVerdicts((httpTokens: string | undefined) => nonCompliant(`IMDSv1 is allowed (httpTokens ${httpTokens ?? 'not recorded'})`));

/** EC2_IMDSV2_CHECK: `metadataOptions.httpTokens` is `required`; `optional` (IMDSv1 allowed) is NON_COMPLIANT. */
export const ec2Imdsv2Check: RuleImplementation = {
  ruleName: 'ec2-imdsv2-check',
  compile: () => (item) => {
    const httpTokens = asString(asRecord(item.configuration.metadataOptions)?.httpTokens);
    return httpTokens === 'required' ? IMDSV2_REQUIRED : imdsv1Allowed(httpTokens);
  },
};
