export * from './generate.ts';
export * from './bundle.ts';
export * from './readme.ts';
