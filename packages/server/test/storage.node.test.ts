import { openTestStorage, testDatabaseKind } from './helpers.js';
import { storageContract } from './storage/contracts.js';

storageContract(testDatabaseKind, openTestStorage);
