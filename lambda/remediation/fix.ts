import { RemediationRequest } from './remediation-request';
import type { DeployedRule } from '../../src/core/settings/deployed-rule';

/** What a fix found on the resource, and what it would change. */
export interface RemediationPlan {
  /** The resource's tags, which exemptions by tag are checked against. */
  readonly tags: Readonly<Record<string, string>>;
  /** One line per change, e.g. `revoke TCP 22 from 0.0.0.0/0`; empty when there is nothing to change. */
  readonly actions: readonly string[];
  /** Why nothing is changed: the resource is gone, already right, or needs a person. */
  readonly reason?: string;
  /** Set when the violation needs a person: the fix would touch more than the rule. */
  readonly manual?: boolean;
  /** Makes the changes; called only in APPLY mode, and only with actions to make. */
  readonly apply: () => Promise<void>;
}

/** One of the remediator's fixes: reads the resource and plans the change the rule asks for. */
export type Fix = (request: RemediationRequest, rule: DeployedRule) => Promise<RemediationPlan>;

/** A plan that changes nothing. */
export function nothingToDo(reason: string, tags: Readonly<Record<string, string>> = {}, manual = false): RemediationPlan {
  return { tags, actions: [], reason, manual, apply: async () => undefined };
}

/** `[{Key, Value}]`, as EC2, RDS and S3 list tags, as a record. */
export function tagRecord(tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).filter((tag) => tag.Key !== undefined).map((tag) => [tag.Key!, tag.Value ?? '']));
}
