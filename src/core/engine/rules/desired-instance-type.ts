import { RuleImplementation } from '../types';
import { asString, csv } from '../values';
import { compliant, nonCompliant, notApplicable } from '../verdict';

const NOT_RECORDED = notApplicable('Instance type not recorded');

/**
 * DESIRED_INSTANCE_TYPE: the instance type is one of `instanceType` (comma-separated). The page makes
 * a violation of a type not in the list; an item without a type is not recorded, NOT_APPLICABLE.
 */
export const desiredInstanceType: RuleImplementation = {
  ruleName: 'desired-instance-type',
  compile: (parameters) => {
    const desired = new Set(csv(parameters.instanceType));
    return (item) => {
      const instanceType = asString(item.configuration.instanceType);
      if (instanceType === undefined) {
        return NOT_RECORDED;
      }
      return desired.has(instanceType)
        ? compliant(`Instance type ${instanceType} is desired`)
        : nonCompliant(`Instance type ${instanceType} is not one of ${[...desired].join(', ')}`);
    };
  },
};
