export * from './compliance-rule';
export * from './evaluator';
export * from './exemption';
export * from './framework';
export * from './rule-set';
export * from './rule-trigger';
export * from '../core/rules/severity';
