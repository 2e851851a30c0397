import { ConfigServiceClient, GetComplianceDetailsByConfigRuleCommand } from '@aws-sdk/client-config-service';
import { ComplianceChange } from '../../src/core/findings/compliance-change';

/** Where the sweep runs: Config's results carry no account or region. */
export interface SweepLocation {
  readonly awsAccountId: string;
  readonly awsRegion: string;
}

/** Every COMPLIANT and NON_COMPLIANT result Config holds now for a rule, page by page. */
export async function reportedResults(config: ConfigServiceClient, configRuleName: string, location: SweepLocation): Promise<ComplianceChange[]> {
  const results: ComplianceChange[] = [];
  let nextToken: string | undefined;
  do {
    const page = await config.send(new GetComplianceDetailsByConfigRuleCommand({
      ConfigRuleName: configRuleName, ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT'], Limit: 100, NextToken: nextToken,
    }));
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
    nextToken = page.NextToken;
  } while (nextToken);
  return results;
}
