export * from './calendar';
export * from './period-report';
export * from './period-tally';
export * from './timeline';
