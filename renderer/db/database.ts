import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionDocs, type CollectionName } from '@domain/collections';
import { migrationStrategiesFor } from '@domain/migrations';

export type OutpostCollections = { [K in CollectionName]: RxCollection<CollectionDocs[K]> };
export type OutpostDatabase = RxDatabase<OutpostCollections>;

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

export interface OpenDatabaseOptions {
  /** One database per workspace/user on this device. */
  name: string;
  storage?: RxStorage<unknown, unknown>;
  /** Schema validation and deep-freeze: development builds only (slow). */
  devMode?: boolean;
}

/**
 * Open the device's local store: every collection from the domain schemas, plus local documents
 * for device-only state (preferences, clock, drafts) that never replicates.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OutpostDatabase> {
  let storage: RxStorage<unknown, unknown> = options.storage ?? (getRxStorageDexie() as RxStorage<unknown, unknown>);
  if (options.devMode) {
    const [{ RxDBDevModePlugin }, { wrappedValidateAjvStorage }] = await Promise.all([
      import('rxdb/plugins/dev-mode'),
      import('rxdb/plugins/validate-ajv'),
    ]);
    addRxPlugin(RxDBDevModePlugin);
    storage = wrappedValidateAjvStorage({ storage });
  }
  const db = await createRxDatabase<OutpostCollections>({
    name: options.name,
    storage,
    multiInstance: true,
    eventReduce: true,
    localDocuments: true,
    closeDuplicates: true,
  });
  const collections = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [
      name,
      {
        schema: COLLECTION_SCHEMAS[name] as unknown as RxJsonSchema<CollectionDocs[typeof name]>,
        localDocuments: true,
        migrationStrategies: migrationStrategiesFor(name),
      },
    ]),
  );
  await db.addCollections(collections as never);
  return db;
}
