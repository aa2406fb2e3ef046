/** Opens the storage the configuration names: one place to add a kind of database. */
import type { DatabaseConfig } from '../config.js';
import { PostgresStorage } from '../postgres/index.js';
import { SqliteStorage } from '../sqlite/index.js';
import type { Storage } from './index.js';

export async function createStorage(config: { database: DatabaseConfig }): Promise<Storage> {
  const { database } = config;
  switch (database.kind) {
    case 'sqlite':
      return new SqliteStorage(database.file);
    case 'postgres':
      return PostgresStorage.open(database.url);
    default:
      // A kind added to DatabaseConfig without a case here fails to compile.
      return database satisfies never;
  }
}
