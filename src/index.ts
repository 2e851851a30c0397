export * from './compliance-monitor';
export * from './compliance-monitor-props';
export * from './remediation-mode';
export * from './rules';
