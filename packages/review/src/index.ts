export * from './scorecard.ts';
export * from './walkthrough.ts';
export * from './prices/us-east-1.ts';
export * from './usage.ts';
export * from './cost.ts';
export * from './suggestions.ts';
export * from './review-md.ts';
export * from './share.ts';
