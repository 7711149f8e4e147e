/**
 * Tables owned by the incidents subgraph. No other subgraph may import this module. Split by concern
 * into incidents-core.ts (schema, enums, incidents, updates, assistance, audit), incidents-intel.ts
 * (advisories, indicators, phishing) and incidents-events.ts (event outbox, alerts).
 */
export * from './incidents-core.ts';
export * from './incidents-intel.ts';
export * from './incidents-events.ts';
