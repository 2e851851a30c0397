export * from './compliance-monitor';
export * from './rules';
