export * from './configuration-item';
export * from './evaluate';
export * from './exemptions';
export * from './input';
export * from './types';
