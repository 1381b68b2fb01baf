export * from './clock.ts';
export * from './errors.ts';
export * from './event.ts';
export * from './registration.ts';
export * from './result.ts';
export * from './seat-ledger.ts';
export * from './invariants.ts';
export * from './conversation-ports.ts';
