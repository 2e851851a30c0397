export * from './configuration-item';
export * from './evaluate';
export * from './input';
export * from './types';
