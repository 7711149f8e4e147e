export * from './errors.ts';
export * from './batching.ts';
export * from './cursor.ts';
export * from './identity.ts';
export * from './subgraph-server.ts';
export * from './scalars.ts';
export * from './service.ts';
