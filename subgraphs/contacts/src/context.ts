import type { Caller } from '@cadg/platform';
import type { Db } from '@cadg/db';
import { createCapacityLoaders, type CapacityLoaders } from './capacity/loaders.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { openPingLoader, type VerificationPinger } from './verification-pings.ts';

export interface ContactsContext {
  db: Db;
  caller: Caller;
  loaders: Loaders;
  /** Sends and answers e-mail verification pings. */
  pinger: VerificationPinger;
  /** Each contact's open e-mail ping, if any. */
  openPingByContact: ReturnType<typeof openPingLoader>;
  /** Capacity-building records, filtered by TLP for this caller in SQL. */
  capacity: CapacityLoaders;
}

export function createContext(db: Db, caller: Caller, pinger: VerificationPinger): ContactsContext {
  return {
    db,
    caller,
    loaders: createLoaders(db),
    pinger,
    openPingByContact: openPingLoader(db),
    capacity: createCapacityLoaders(db, caller),
  };
}
