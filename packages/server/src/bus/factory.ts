/** The bus the configuration implies: the database the instances share carries their events. */
import type { DatabaseConfig } from '../config.js';
import { InProcessBus } from './in-process.js';
import type { EventBus } from './index.js';
import { PostgresBus } from './postgres.js';

export function createBus(database: DatabaseConfig): EventBus {
  switch (database.kind) {
    case 'sqlite':
      // One SQLite file serves one process: nobody else to tell.
      return new InProcessBus();
    case 'postgres':
      return new PostgresBus(database.url);
    default:
      return database satisfies never;
  }
}
