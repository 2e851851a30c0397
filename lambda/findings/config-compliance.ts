import { ConfigServiceClient, paginateGetComplianceDetailsByConfigRule } from '@aws-sdk/client-config-service';
import { ComplianceChange } from '../../src/core/findings/compliance-change';

/** Where the sweep runs: Config's results carry no account or region. */
export interface SweepLocation {
  readonly awsAccountId: string;
  readonly awsRegion: string;
}

/** Every COMPLIANT and NON_COMPLIANT result Config holds now for a rule, page by page. */
export async function reportedResults(config: ConfigServiceClient, configRuleName: string, location: SweepLocation): Promise<ComplianceChange[]> {
  const results: ComplianceChange[] = [];
  const pages = paginateGetComplianceDetailsByConfigRule({ client: config, pageSize: 100 }, {
    ConfigRuleName: configRuleName, ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT'],
  });
  for await (const page of pages) {
    for (const result of page.EvaluationResults ?? []) {
      const qualifier = result.EvaluationResultIdentifier?.EvaluationResultQualifier;
      if (!qualifier?.ResourceType || !qualifier.ResourceId || !result.ComplianceType) {
        continue;
      }
      results.push({
        configRuleName,
        resourceType: qualifier.ResourceType,
        resourceId: qualifier.ResourceId,
        ...location,
        newComplianceType: result.ComplianceType,
        annotation: result.Annotation,
        recordedAt: (result.ResultRecordedTime ?? new Date()).toISOString(),
      });
    }
  }
  return results;
}
