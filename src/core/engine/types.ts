import type { ForbiddenIngress } from './rules/security-group';
import type { BuiltInRuleName } from '../rules/catalog';

/** A verdict, with AWS Config's names. */
export type ComplianceType = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';

/**
 * A result of an offline evaluation: a verdict, EXEMPT for a violation an exemption accepts, and
 * INSUFFICIENT_DATA for an item that does not carry its configuration (an oversized notification's).
 */
export type ResultType = ComplianceType | 'EXEMPT' | 'INSUFFICIENT_DATA';

/**
 * A Config configuration item in the 1.3 shape (the shape of snapshots, rule invocations and
 * EventBridge events), whichever shape it arrived in: 1.2 history items and API items are converted.
 */
export interface ConfigurationItem {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName?: string;
  readonly awsAccountId?: string;
  readonly ARN?: string;
  readonly awsRegion?: string;
  /** OK, ResourceDiscovered, ResourceNotRecorded, ResourceDeleted, ResourceDeletedNotRecorded. */
  readonly configurationItemStatus: string;
  readonly configurationItemCaptureTime?: string;
  /** Orders the items of one resource captured at the same time; a number in 1.3, a numeric string in history items. */
  readonly configurationStateId?: number | string;
  /**
   * Where the configuration is when the item does not carry it: the S3 location of an oversized
   * notification's item. No rule judges such an item.
   */
  readonly configurationLocation?: string;
  readonly configuration: Record<string, unknown>;
  readonly supplementaryConfiguration: Record<string, unknown>;
  /** Tag keys (case-sensitive) to values. */
  readonly tags: Record<string, string>;
}

/** A rule as the engine runs it: a built-in rule's Config name and its parameters under AWS's names. */
export interface RuleSpec {
  readonly ruleName: string;
  readonly parameters?: Readonly<Record<string, string>>;
  /** Resource types to evaluate; defaults to the managed rule's scope. */
  readonly resourceTypes?: readonly string[];
}

/** What a rule decided for one resource. */
export interface Verdict {
  readonly complianceType: ComplianceType;
  /** One line, at most 256 characters (Config's limit). */
  readonly annotation: string;
}

/** One rule's verdict on one resource, as Config records it. */
export interface Evaluation extends Verdict {
  readonly configRuleName: string;
  readonly resourceType: string;
  readonly resourceId: string;
}

/** A built-in rule with its parameters applied: judges one in-scope, existing resource. */
export type ItemCheck = (item: ConfigurationItem) => Verdict;

/** One built-in rule's semantics: parameters in, a check out. */
export interface RuleImplementation {
  readonly ruleName: BuiltInRuleName;
  compile(parameters: Readonly<Record<string, string>>): ItemCheck;
  /** For a security-group rule: the ingress it forbids, which its verdict finds open and its fix closes. */
  forbiddenIngress?(parameters: Readonly<Record<string, string>>): ForbiddenIngress;
}
