import { RuleImplementation } from '../types';
import { asArray, asRecord, asString } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';
import { ingressPermissions } from './security-group';

/** The name of a VPC's default security group, the only group the rule judges. */
export const DEFAULT_GROUP_NAME = 'default';

const CLOSED = compliant('Default security group has no inbound or outbound rules');
const NAME_NOT_RECORDED = notApplicable('Security group name not recorded');
const RULES_NOT_RECORDED = notApplicable('Security group rules not recorded');
// One verdict for every other group, without its name: groups' names are their own, so a verdict
// naming each would be built anew for every group of an account.
const NOT_DEFAULT = notApplicable(`Not a default security group (its name is not "${DEFAULT_GROUP_NAME}")`);
const rules = (count: number, direction: string) => `${count} ${direction} rule${count === 1 ? '' : 's'}`;
const open = sharedVerdicts((counts: string) => {
  const [inbound, outbound] = counts.split('/').map(Number);
  return nonCompliant(`Default security group has ${rules(inbound, 'inbound')} and ${rules(outbound, 'outbound')}`);
});

/**
 * VPC_DEFAULT_SECURITY_GROUP_CLOSED: a VPC's default security group (the one named `default`) has
 * no inbound and no outbound rules. Other groups are NOT_APPLICABLE: the older page said so; the
 * current one no longer does, but still judges only "the default security group", so they stay so.
 * Inbound rules are read as the port rules read them (both item shapes); outbound rules are counted.
 */
export const vpcDefaultSecurityGroupClosed: RuleImplementation = {
  ruleName: 'vpc-default-security-group-closed',
  compile: () => (item) => {
    const configuration = item.configuration;
    const groupName = asString(configuration.groupName);
    if (groupName === undefined) {
      return NAME_NOT_RECORDED;
    }
    if (groupName !== DEFAULT_GROUP_NAME) {
      return NOT_DEFAULT;
    }
    if (!Array.isArray(configuration.ipPermissions) && !Array.isArray(configuration.ipPermissionsEgress)) {
      return RULES_NOT_RECORDED;
    }
    const inbound = ingressPermissions(item).length;
    const outbound = asArray(configuration.ipPermissionsEgress).filter((permission) => asRecord(permission) !== undefined).length;
    return inbound + outbound === 0 ? CLOSED : open(`${inbound}/${outbound}`);
  },
};
