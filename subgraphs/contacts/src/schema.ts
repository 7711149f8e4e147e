import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { resolvers } from './resolvers/index.ts';

/** The subgraph's SDL file; the gateway composes from the same file. */
export const typeDefsFile = new URL('../schema.graphql', import.meta.url);
export const typeDefs = parse(readFileSync(typeDefsFile, 'utf8'));
export const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
