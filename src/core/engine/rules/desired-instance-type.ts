import { RuleImplementation } from '../types';
import { asString, csv } from '../values';
import { compliant, nonCompliant } from '../verdict';

/** DESIRED_INSTANCE_TYPE: the instance type is one of `instanceType` (comma-separated). */
export const desiredInstanceType: RuleImplementation = {
  ruleName: 'desired-instance-type',
  compile: (parameters) => {
    const desired = new Set(csv(parameters.instanceType));
    return (item) => {
      const instanceType = asString(item.configuration.instanceType);
      return instanceType !== undefined && desired.has(instanceType)
        ? compliant(`Instance type ${instanceType} is desired`)
        : nonCompliant(`Instance type ${instanceType ?? 'not recorded'} is not one of ${[...desired].join(', ')}`);
    };
  },
};
