export * from './compliance-monitor';
