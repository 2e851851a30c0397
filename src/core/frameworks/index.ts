export * from './controls';
export * from './frameworks';
export * from './mappings';
export * from './sources';
export * from './report-frameworks';
