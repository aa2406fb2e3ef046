/**
 * Known ways a start fails, as one line that names the setting to fix: an
 * operator who mistyped PORT should read which setting and why, not Node's stack.
 */
import { dirname, sep } from 'node:path';
import { ConfigError, type ServerConfig } from './config.js';
import { DatabaseConnectError, NewerSchemaError } from './storage/index.js';

type SystemError = NodeJS.ErrnoException & { hostname?: string; address?: string; port?: number };

/** What went wrong with a file or directory, in words ("does not exist", "is not writable by this user"). */
export function fileProblem(error: unknown): string {
  const code = (error as SystemError | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'is a file, or lies inside one';
    case 'EACCES':
    case 'EPERM':
      return 'is not writable by this user';
    case 'EROFS':
      return 'is on a read-only file system';
    case 'ENOSPC':
      return 'is on a full disk';
    default:
      return `cannot be used (${code ?? (error as Error | undefined)?.message ?? 'unknown error'})`;
  }
}

/**
 * The one line to print for an error that stopped `startServer`, or undefined
 * when it is not a known start-up failure (then its stack is worth showing).
 */
export function startupErrorMessage(
  error: unknown,
  config: Pick<ServerConfig, 'port' | 'host' | 'dataDir' | 'database'>,
): string | undefined {
  if (error instanceof ConfigError || error instanceof DatabaseConnectError || error instanceof NewerSchemaError) return error.message;
  const { code, syscall } = (error ?? {}) as SystemError;
  const host = config.host ?? 'all interfaces';
  if (syscall === 'listen' || syscall === 'bind') {
    if (code === 'EADDRINUSE') return `PORT ${config.port} is already in use on ${host}; stop what uses it or choose another PORT`;
    if (code === 'EACCES' || code === 'EPERM') return `PORT ${config.port} needs privileges this user lacks; choose a PORT from 1024 up`;
    if (code === 'EADDRNOTAVAIL') return `HOST ${JSON.stringify(config.host)} is not an address of this machine`;
  }
  if (syscall === 'getaddrinfo' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `HOST ${JSON.stringify(config.host)} cannot be resolved to an address of this machine (${code})`;
  }
  if (config.database.kind === 'sqlite' && typeof code === 'string' && code.startsWith('SQLITE_')) {
    const file = JSON.stringify(config.database.file);
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
      return `SHOPFRONT_DB ${file} is not an SQLite database, or is damaged`;
    if (code.startsWith('SQLITE_CANTOPEN')) return `SHOPFRONT_DB ${file} cannot be opened; its directory must be writable`;
    if (code.startsWith('SQLITE_READONLY')) return `SHOPFRONT_DB ${file} is read-only; the server must be able to write it`;
    if (code.startsWith('SQLITE_BUSY')) return `SHOPFRONT_DB ${file} is locked by another process; is another server running on it?`;
  }
  const path = (error as SystemError | undefined)?.path;
  const inside = (dir: string) => path !== undefined && (path === dir || path.startsWith(dir + sep));
  // Opening the database creates its directory (sqlite/database.ts), which may lie outside the data directory.
  const databaseDir = config.database.kind === 'sqlite' && config.database.file !== ':memory:' ? dirname(config.database.file) : undefined;
  if (code && databaseDir && inside(databaseDir)) return `SHOPFRONT_DB: ${JSON.stringify(path)} ${fileProblem(error)}`;
  if (code && inside(config.dataDir)) return `SHOPFRONT_DATA_DIR: ${JSON.stringify(path)} ${fileProblem(error)}`;
  return undefined;
}
