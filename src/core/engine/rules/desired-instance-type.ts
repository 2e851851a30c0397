import { RuleImplementation } from '../types';
import { asString, csv } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const NOT_RECORDED = notApplicable('Instance type not recorded');

/**
 * DESIRED_INSTANCE_TYPE: the instance type is one of `instanceType` (comma-separated). The page makes
 * a violation of a type not in the list; an item without a type is not recorded, NOT_APPLICABLE.
 */
export const desiredInstanceType: RuleImplementation = {
  ruleName: 'desired-instance-type',
  compile: (parameters) => {
    const desired = new Set(csv(parameters.instanceType));
    const desiredText = [...desired].join(', ');
    const ofType = sharedVerdicts((instanceType: string) => desired.has(instanceType)
      ? compliant(`Instance type ${instanceType} is desired`)
      : nonCompliant(`Instance type ${instanceType} is not one of ${desiredText}`));
    return (item) => {
      const instanceType = asString(item.configuration.instanceType);
      return instanceType === undefined ? NOT_RECORDED : ofType(instanceType);
    };
  },
};
