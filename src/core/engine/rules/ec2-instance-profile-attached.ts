import { RuleImplementation } from '../types';
import { asRecord, asString, csv } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const NO_PROFILE = nonCompliant('No IAM instance profile is attached');
const ARN_NOT_RECORDED = notApplicable('Instance profile ARN not recorded, so IamInstanceProfileArnList cannot be checked');
const ATTACHED_WITHOUT_ARN = compliant('An IAM instance profile is attached');
const attached = sharedVerdicts((arn: string) => compliant(`IAM instance profile ${arn} is attached`));
const notListed = sharedVerdicts((arn: string) => nonCompliant(`IAM instance profile ${arn} is not in IamInstanceProfileArnList`));

/**
 * EC2_INSTANCE_PROFILE_ATTACHED: an IAM instance profile is attached (`iamInstanceProfile`, null or
 * absent when none is); with `IamInstanceProfileArnList`, it is one of those ARNs. ARNs are compared
 * as written, as IAM writes them.
 */
export const ec2InstanceProfileAttached: RuleImplementation = {
  ruleName: 'ec2-instance-profile-attached',
  compile: (parameters) => {
    const allowed = new Set(csv(parameters.IamInstanceProfileArnList));
    return (item) => {
      const profile = asRecord(item.configuration.iamInstanceProfile);
      if (!profile) {
        return NO_PROFILE;
      }
      const arn = asString(profile.arn);
      if (!arn) {
        return allowed.size > 0 ? ARN_NOT_RECORDED : ATTACHED_WITHOUT_ARN;
      }
      return allowed.size > 0 && !allowed.has(arn) ? notListed(arn) : attached(arn);
    };
  },
};
