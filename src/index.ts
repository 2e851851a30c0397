export * from './compliance-monitor';
export * from './compliance-monitor-props';
export * from './rules';
