export * from './types.ts';
export * from './registry.ts';
export * from './validate.ts';
export * from './fixes.ts';
export * from './blocking.ts';
