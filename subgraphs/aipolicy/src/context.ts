import type { Caller } from '@cadg/platform';
import type { Db } from '@cadg/db';
import { createLoaders, type Loaders } from './loaders.ts';

export interface AipolicyContext {
  db: Db;
  caller: Caller;
  loaders: Loaders;
}

export function createContext(db: Db, caller: Caller): AipolicyContext {
  return { db, caller, loaders: createLoaders(db) };
}
