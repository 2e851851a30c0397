import { ConfigServiceClient, Evaluation as ConfigEvaluation, PutEvaluationsCommand } from '@aws-sdk/client-config-service';

/** PutEvaluations takes at most 100 evaluations per call. */
export const PUT_EVALUATIONS_LIMIT = 100;

/** Sends the evaluations with the invocation's result token, 100 per call; a rejected evaluation fails loudly. */
export async function putEvaluations(config: ConfigServiceClient, resultToken: string, evaluations: readonly ConfigEvaluation[]): Promise<void> {
  for (let start = 0; start < evaluations.length; start += PUT_EVALUATIONS_LIMIT) {
    const batch = evaluations.slice(start, start + PUT_EVALUATIONS_LIMIT);
    const result = await config.send(new PutEvaluationsCommand({ ResultToken: resultToken, Evaluations: batch }));
    const failed = result.FailedEvaluations ?? [];
    if (failed.length > 0) {
      throw new Error(`PutEvaluations rejected ${failed.length} of ${batch.length} evaluations (first: ${failed[0].ComplianceResourceType} ${failed[0].ComplianceResourceId})`);
    }
  }
}
