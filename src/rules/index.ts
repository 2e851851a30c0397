export * from './compliance-rule';
export * from './evaluation-mode';
export * from './exemption';
export * from './managed-rule-identifier';
export * from './rule-set';
export * from './rule-trigger';
export * from '../core/rules/severity';
