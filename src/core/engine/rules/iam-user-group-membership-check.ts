import { RuleImplementation } from '../types';
import { asString, csv } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const NOT_RECORDED = notApplicable('Group membership not recorded');
const IN_NO_GROUP = nonCompliant('User is a member of no IAM group');
const memberOf = sharedVerdicts((groups: string) => compliant(`Member of ${groups}`));

/**
 * IAM_USER_GROUP_MEMBERSHIP_CHECK: the user is a member of at least one IAM group (`groupList`,
 * group names). With `groupNames`, "groups in which IAM users must be members", at least one of its
 * groups: the page's rule is membership of at least one group, and it does not say that every listed
 * group is required. Names are compared without case, as IAM does (it refuses "Admins" beside "admins").
 */
export const iamUserGroupMembershipCheck: RuleImplementation = {
  ruleName: 'iam-user-group-membership-check',
  compile: (parameters) => {
    const required = csv(parameters.groupNames);
    const requiredKeys = new Set(required.map((name) => name.toLowerCase()));
    const requiredText = required.join(', ');
    const memberOfRequired = sharedVerdicts((group: string) => compliant(`Member of ${group}, one of groupNames`));
    const memberOfOthers = sharedVerdicts((groups: string) => nonCompliant(`Member of ${groups}, none of groupNames (${requiredText})`));
    return (item) => {
      const groupList = item.configuration.groupList;
      if (!Array.isArray(groupList)) {
        return NOT_RECORDED;
      }
      const groups = groupList.map(asString).filter((name): name is string => name !== undefined);
      if (groups.length === 0) {
        return IN_NO_GROUP;
      }
      if (requiredKeys.size === 0) {
        return memberOf(groups.join(', '));
      }
      const member = groups.find((name) => requiredKeys.has(name.toLowerCase()));
      return member !== undefined ? memberOfRequired(member) : memberOfOthers(groups.join(', '));
    };
  },
};
