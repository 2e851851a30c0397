import { RuleImplementation } from '../types';
import { asString } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const MULTI_AZ = compliant('Multi-AZ deployment is enabled');
const SINGLE_AZ = nonCompliant('Multi-AZ deployment is not enabled');
const excludedEngine = sharedVerdicts((engine: string) =>
  notApplicable(`Engine ${engine} is not evaluated (the rule excludes Aurora, DocumentDB and Neptune instances)`));

/** Aurora (aurora, aurora-mysql, aurora-postgresql), DocumentDB and Neptune, which the page excludes. */
function isExcludedEngine(engine: string): boolean {
  return engine.startsWith('aurora') || engine === 'docdb' || engine === 'neptune';
}

/**
 * RDS_MULTI_AZ_SUPPORT: high availability (`multiAZ`) is enabled. The current page excludes Aurora,
 * DocumentDB and Neptune instances (the older one named only Aurora and DocumentDB): NOT_APPLICABLE.
 * It makes no exception for read replicas, which are judged like any instance. An instance whose
 * item does not record multiAZ true does not have high availability enabled.
 */
export const rdsMultiAzSupport: RuleImplementation = {
  ruleName: 'rds-multi-az-support',
  compile: () => (item) => {
    const engine = asString(item.configuration.engine);
    if (engine !== undefined && isExcludedEngine(engine)) {
      return excludedEngine(engine);
    }
    return item.configuration.multiAZ === true ? MULTI_AZ : SINGLE_AZ;
  },
};
