export * from './types.ts';
export * from './lower.ts';
export * from './naming.ts';
export * from './text.ts';
