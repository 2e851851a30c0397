import type { RuleCases } from './rule-case';
import { configurationItem, fixture } from '../../support/fixtures';

const RDK_EC2 = fixture('configuration-items/rdk-example-AWS_EC2_Instance.json');
const RDK_SG = fixture('configuration-items/rdk-example-AWS_EC2_SecurityGroup.json');
const RDK_VOLUME = fixture('configuration-items/rdk-example-AWS_EC2_Volume.json');
/** The real subnet's configuration (the only part of a subnet item found public) in a 1.3 item. */
const SUBNET = configurationItem('AWS::EC2::Subnet', fixture('configuration-items/AWS-EC2-Subnet.configuration.json'), { resourceId: 'subnet-ea59c9b0' });

/** For each rule of src/core/rules/families/ec2.ts: a real item in its scope that it judges (not NOT_APPLICABLE), and the parameters it needs. */
export const EC2_CASES: RuleCases = {
  'ec2-instance-no-public-ip': [RDK_EC2, {}],
  'ec2-instance-profile-attached': [RDK_EC2, {}],
  // No public item of a default group was found: the RDK group, renamed.
  'vpc-default-security-group-closed': [{ ...RDK_SG, configuration: { ...RDK_SG.configuration, groupName: 'default' } }, {}],
  'ec2-volume-inuse-check': [RDK_VOLUME, {}],
  'subnet-auto-assign-public-ip-disabled': [SUBNET, {}],
};
