export * from './compliance-monitor';
export * from './compliance-monitor-props';
export * from './core/remediation-mode';
export * from './events/report-period';
export * from './rules';
