import { asRecord, asString } from '../../src/core/engine/values';
import { EventError } from '../../src/core/findings/compliance-change';

/** What the analyzer asks the remediator to fix: one new violation. */
export interface RemediationRequest {
  /** The deployed rule name (`{rule}-{environmentSuffix}`). */
  readonly configRuleName: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly awsRegion: string;
  readonly annotation?: string;
  /** The analyzer's invocation, carried into the remediator's logs. */
  readonly correlationId: string;
}

/** The analyzer invokes the remediator with this `source`, which tells its events from any other. */
const REMEDIATION_REQUEST_SOURCE = 'compliance-monitor.analyzer';

/** The event the analyzer sends. */
export function remediationEvent(request: RemediationRequest): { source: string; detail: RemediationRequest } {
  return { source: REMEDIATION_REQUEST_SOURCE, detail: request };
}

/** The request an event carries; an EventError names what is missing. */
export function remediationRequestOf(event: unknown): RemediationRequest {
  const record = asRecord(event);
  if (record?.source !== REMEDIATION_REQUEST_SOURCE) {
    throw new EventError(`not a remediation request: source must be "${REMEDIATION_REQUEST_SOURCE}"`);
  }
  const detail = asRecord(record.detail);
  const field = (name: keyof RemediationRequest): string => {
    const value = asString(detail?.[name]);
    if (!value) {
      throw new EventError(`remediation request: detail.${name} is missing`);
    }
    return value;
  };
  return {
    configRuleName: field('configRuleName'),
    resourceType: field('resourceType'),
    resourceId: field('resourceId'),
    awsRegion: field('awsRegion'),
    annotation: asString(detail?.annotation),
    correlationId: field('correlationId'),
  };
}
