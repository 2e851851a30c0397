import { EC2_DEFINITIONS } from '../../../rules/families/ec2';
import { RuleImplementation } from '../../types';
import { ec2InstanceNoPublicIp } from '../ec2-instance-no-public-ip';
import { ec2InstanceProfileAttached } from '../ec2-instance-profile-attached';
import { ec2VolumeInuseCheck } from '../ec2-volume-inuse-check';
import { subnetAutoAssignPublicIpDisabled } from '../subnet-auto-assign-public-ip-disabled';
import { vpcDefaultSecurityGroupClosed } from '../vpc-default-security-group-closed';

/** The engine's implementation of each rule of {@link EC2_DEFINITIONS}, by rule name. */
export const EC2_RULES: Readonly<Record<keyof typeof EC2_DEFINITIONS, RuleImplementation>> = {
  'ec2-instance-no-public-ip': ec2InstanceNoPublicIp,
  'ec2-instance-profile-attached': ec2InstanceProfileAttached,
  'vpc-default-security-group-closed': vpcDefaultSecurityGroupClosed,
  'ec2-volume-inuse-check': ec2VolumeInuseCheck,
  'subnet-auto-assign-public-ip-disabled': subnetAutoAssignPublicIpDisabled,
};
