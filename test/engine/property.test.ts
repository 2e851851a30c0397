import * as fc from 'fast-check';
import { compileRule, evaluate, evaluateItems, toConfigurationItem } from '../../src/core/engine';
import { ANNOTATION_MAX_LENGTH } from '../../src/core/engine/verdict';
import { RULE_CATALOG } from '../../src/core/rules/catalog';
import { configurationItem } from '../support/fixtures';
import { REQUIRED_PARAMETERS } from '../support/required-parameters';

const RULES = [...RULE_CATALOG.keys()].map((ruleName) => compileRule({ ruleName, parameters: REQUIRED_PARAMETERS[ruleName] ?? {} }));
const RESOURCE_TYPES = [...new Set([...RULE_CATALOG.values()].flatMap((rule) => rule.resourceTypes))];

/** Items whose every field may be missing, of the wrong type, or nonsense, in the places the rules read. */
const wildValue = fc.oneof(fc.anything(), fc.constantFrom('-1', 'tcp', 'udp', '6', '0.0.0.0/0', '::/0', 'required', 'in-use', 'aws:kms'));
const wildItem = fc.record({
  resourceType: fc.oneof(fc.constantFrom(...RESOURCE_TYPES), fc.anything()),
  resourceId: fc.oneof(fc.string(), fc.anything()),
  configurationItemStatus: fc.oneof(fc.constantFrom('OK', 'ResourceDiscovered', 'ResourceDeleted'), fc.anything()),
  tags: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.array(fc.record({ key: wildValue, value: wildValue })), fc.anything()),
  configuration: fc.oneof(fc.anything(), fc.string(), fc.record({
    ipPermissions: fc.oneof(fc.array(fc.record({
      ipProtocol: wildValue,
      fromPort: wildValue,
      toPort: wildValue,
      ipRanges: fc.oneof(fc.array(wildValue), wildValue),
      ipv4Ranges: fc.array(fc.record({ cidrIp: wildValue })),
      ipv6Ranges: wildValue,
    }, { requiredKeys: [] })), wildValue),
    metadataOptions: fc.oneof(fc.record({ httpTokens: wildValue }), wildValue),
    storageEncrypted: wildValue,
    kmsKeyId: wildValue,
    backupRetentionPeriod: wildValue,
    preferredBackupWindow: wildValue,
    readReplicaSourceDBInstanceIdentifier: wildValue,
    attachments: wildValue,
    state: wildValue,
    encrypted: wildValue,
    instanceType: wildValue,
  }, { requiredKeys: [] })),
  supplementaryConfiguration: fc.oneof(fc.anything(), fc.record({
    ServerSideEncryptionConfiguration: fc.oneof(wildValue, fc.record({
      rules: fc.array(fc.record({ applyServerSideEncryptionByDefault: fc.record({ sseAlgorithm: wildValue, kmsMasterKeyID: wildValue }) })),
    })),
    BucketPolicy: fc.oneof(wildValue, fc.record({ policyText: fc.oneof(fc.json(), wildValue) })),
  }, { requiredKeys: [] })),
}, { requiredKeys: [] });

describe('any input', () => {
  test('random and malformed items never throw: every rule gives a verdict or NOT_APPLICABLE, in one short line', () => {
    fc.assert(fc.property(fc.oneof(wildItem, fc.anything()), (raw) => {
      for (const rule of RULES) {
        const verdict = evaluate(raw, rule);
        expect(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE']).toContain(verdict.complianceType);
        expect(verdict.annotation.length).toBeLessThanOrEqual(ANNOTATION_MAX_LENGTH);
        expect(verdict.annotation).not.toMatch(/\n/);
      }
    }), { numRuns: 3000 });
  });

  // Inputs fast-check has found: kept, because its seed changes with every run.
  test.each([
    ['a tag value whose toString is not a function', { resourceType: 'AWS::S3::Bucket', resourceId: ' ', tags: { '': { toString: false } } }],
    ['a tag list entry whose value has no usable toString', {
      resourceType: 'AWS::EC2::Instance', resourceId: 'i-1', tags: [{ key: 'Owner', value: { toString: false } }], configuration: {},
    }],
    ['a protocol whose toString is not a function', {
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: 'sg-1',
      tags: {},
      configuration: { ipPermissions: [{ ipProtocol: { toString: false }, ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] }] },
    }],
  ])('%s gets a verdict', (_, raw) => {
    for (const rule of RULES) {
      expect(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE']).toContain(evaluate(raw, rule).complianceType);
    }
  });

  test('evaluateItems agrees with evaluate on every in-scope item', () => {
    fc.assert(fc.property(wildItem, (raw) => {
      const item = toConfigurationItem(raw);
      fc.pre(item !== undefined);
      const evaluations = evaluateItems([item!], RULES);
      const inScope = RULES.filter((rule) => rule.resourceTypes.has(item!.resourceType));
      expect(evaluations.map((e) => e.configRuleName)).toEqual(inScope.map((rule) => rule.ruleName));
      for (const evaluation of evaluations) {
        const rule = RULES.find((r) => r.ruleName === evaluation.configRuleName)!;
        expect(evaluation).toMatchObject(evaluate(raw, rule));
      }
    }), { numRuns: 1000 });
  });

  test('required-tags names each failing tag in parameter order, for any tags and any number of required tags', () => {
    const key = fc.constantFrom('A', 'B', 'b');
    const value = fc.constantFrom('x', 'y', '');
    const requiredTag: fc.Arbitrary<{ key: string; values: string[] }> = fc.record({ key, values: fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }) }) });
    fc.assert(fc.property(fc.array(requiredTag, { minLength: 1, maxLength: 60, size: 'max' }), fc.array(fc.dictionary(key, value), { minLength: 1, maxLength: 8 }), (required, tagSets) => {
      const parameters = Object.fromEntries(required.flatMap((tag, index) => [
        [`tag${index + 1}Key`, tag.key], ...(tag.values.length > 0 ? [[`tag${index + 1}Value`, tag.values.join(',')]] : []),
      ]));
      fc.pre(JSON.stringify(parameters).length <= 1024); // AWS Config's limit on a rule's parameters
      // One compiled rule judges every item, as in a snapshot, so that verdicts it shares between items are checked too.
      const rule = compileRule({ ruleName: 'required-tags', parameters });
      for (const tags of tagSets) {
        const problems = required.flatMap((tag) => tags[tag.key] === undefined ? [`missing ${tag.key}`]
          : tag.values.length > 0 && !tag.values.includes(tags[tag.key]) ? [`${tag.key}=${tags[tag.key]} not in ${tag.values.join('|')}`] : []);
        const line = `Required tags: ${problems.join('; ')}`;
        const expected = problems.length === 0 ? 'COMPLIANT'
          : { complianceType: 'NON_COMPLIANT', annotation: line.length <= ANNOTATION_MAX_LENGTH ? line : `${line.slice(0, ANNOTATION_MAX_LENGTH - 1)}…` };
        const verdict = evaluate(configurationItem('AWS::EC2::Instance', {}, { tags }), rule);
        expect(problems.length === 0 ? verdict.complianceType : verdict).toEqual(expected);
      }
    }), { numRuns: 500 });
  });
});
