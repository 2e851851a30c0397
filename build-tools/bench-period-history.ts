/**
 * The quarter of history `npm run bench:runtime` seeds for the period report: resources of three
 * types, each evaluated by two of the four rules (the tagging rule and its type's), each with a few
 * changes spread over the quarter's three months, as the analyzer's FindingStore writes them.
 */
import type { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { FindingStore } from '../lambda/findings/finding-store';
import { ComplianceChange } from '../src/core/findings/compliance-change';
import { CurrentFinding } from '../src/core/findings/current-finding';
import { lastWholePeriod } from '../src/core/period';
import { Severity } from '../src/core/rules/severity';

/** When the period run is taken: early on the quarter's first days, as the schedule runs it. */
export const PERIOD_NOW = new Date('2026-10-02T06:00:00.000Z');
const QUARTER = lastWholePeriod('QUARTER', PERIOD_NOW);
/** When the states before the quarter were recorded: their history rows are in months the run does not read. */
const BEFORE_QUARTER = '2026-05-20T08:00:00.000Z';
const RETENTION_DAYS = 120;

const TAGS_RULE = 'required-tags-bench';
/** The rules, and the resource types each rule besides the tagging rule evaluates. */
export const PERIOD_RULES = ['restricted-ssh-bench', TAGS_RULE, 'encrypted-volumes-bench', 'ec2-imdsv2-check-bench'];
const TYPES = [
  { resourceType: 'AWS::EC2::SecurityGroup', prefix: 'sg', rule: 'restricted-ssh-bench', severity: Severity.CRITICAL },
  { resourceType: 'AWS::EC2::Volume', prefix: 'vol', rule: 'encrypted-volumes-bench', severity: Severity.HIGH },
  { resourceType: 'AWS::EC2::Instance', prefix: 'i', rule: 'ec2-imdsv2-check-bench', severity: Severity.MEDIUM },
];
const TAGS_SEVERITY = Severity.LOW;

type Row = Record<string, unknown>;

/** A FindingStore whose BatchWrites are kept instead of sent: the rows exactly as the analyzer writes them. */
function capturingStore(tableName: string): { store: FindingStore; rows: Row[] } {
  const rows: Row[] = [];
  const documents = {
    send: async (command: BatchWriteCommand) => {
      for (const request of command.input.RequestItems![tableName]) {
        rows.push(request.PutRequest!.Item!);
      }
      return {};
    },
  };
  return { store: new FindingStore(documents as unknown as DynamoDBDocumentClient, tableName, RETENTION_DAYS), rows };
}

/**
 * The n-th resource's rows: for each of its rules, the current state (recorded before the quarter,
 * or by its last change in it), and a history row per change in the quarter. Resource n has 2 to 4
 * changes, the k-th in the k-th stretch of the quarter: they fall in each of its months. A violation
 * is fixed by the next change; one in ten is exempt instead of NON_COMPLIANT.
 */
async function resourceRows(tableName: string, n: number): Promise<Row[]> {
  const type = TYPES[n % TYPES.length];
  const resourceId = `${type.prefix}-${n.toString(16).padStart(12, '0')}`;
  const rules = [{ rule: TAGS_RULE, severity: TAGS_SEVERITY }, { rule: type.rule, severity: type.severity }];
  const { store, rows } = capturingStore(tableName);
  const current = new Map<string, CurrentFinding>();
  const kept: Row[] = [];
  const record = async (configRuleName: string, severity: Severity, newComplianceType: string, recordedAt: string, exempt: boolean) => {
    const previous = current.get(configRuleName);
    const change: ComplianceChange = {
      configRuleName,
      resourceType: type.resourceType,
      resourceId,
      awsAccountId: '123456789012',
      awsRegion: 'eu-west-1',
      newComplianceType,
      oldComplianceType: previous?.complianceType,
      annotation: newComplianceType === 'COMPLIANT' ? undefined : `${configRuleName} finds ${resourceId} out of line`,
      recordedAt,
      ...(exempt ? { exemptionReason: 'Legacy workload, replaced next quarter', exemption: { reason: 'Legacy workload, replaced next quarter', ticket: `SEC-${n}` } } : {}),
    };
    rows.length = 0;
    await store.writeSweep([{ change, severity, previous }], [], new Date(recordedAt));
    const [history, state] = rows;
    current.set(configRuleName, state as unknown as CurrentFinding);
    if (recordedAt >= QUARTER.start.toISOString()) {
      kept.push(history);
    }
  };
  for (const { rule, severity } of rules) {
    await record(rule, severity, n % 5 === 0 ? 'NON_COMPLIANT' : 'COMPLIANT', BEFORE_QUARTER, false);
  }
  const changes = 2 + (n % 3);
  const quarterMs = QUARTER.end.getTime() - QUARTER.start.getTime();
  for (let k = 0; k < changes; k++) {
    const { rule, severity } = rules[(n + k) % rules.length];
    const at = new Date(QUARTER.start.getTime() + Math.floor(((k + ((n * 7) % 10) / 10) / changes) * quarterMs));
    const violated = current.get(rule)!.complianceType !== 'COMPLIANT';
    await record(rule, severity, violated ? 'COMPLIANT' : n % 10 === 3 ? 'EXEMPT' : 'NON_COMPLIANT', at.toISOString(), !violated && n % 10 === 3);
  }
  return kept.concat([...current.values()] as unknown as Row[]);
}

/** Every resource's rows, resource by resource. */
export async function* periodRows(tableName: string, resources: number): AsyncGenerator<Row> {
  for (let n = 0; n < resources; n++) {
    yield* await resourceRows(tableName, n);
  }
}
