import { COLLECTION_NAMES, type CollectionName } from '../collections';
import { createRecordAjv } from './record-ajv';
import * as compiled from './record-validators.generated';

/** One reason ajv gave for refusing a document. */
interface ValidationError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

type CompiledValidator = ((doc: unknown) => boolean) & { errors?: ValidationError[] | null };

/**
 * Checks a whole document against its collection's JSON schema (plus RxDB's `_deleted` flag): the
 * server for every push, the renderer for a row to import. Same compiled code in both (ADR 0032).
 */
export interface RecordValidator {
  validate(collection: CollectionName, doc: unknown): string | null;
}

function describe(errors: ValidationError[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => {
      const at = e.instancePath || '(document)';
      if (e.keyword === 'additionalProperties') return `${at}: unknown field "${String(e.params.additionalProperty)}"`;
      if (e.keyword === 'required') return `${at}: missing field "${String(e.params.missingProperty)}"`;
      return `${at}: ${e.message ?? e.keyword}`;
    })
    .join('; ');
}

/**
 * A collection registered after the validators were generated (a definition added in a test, or
 * before `npm run generate:validators` ran) is compiled here, in Node; the renderer's CSP would
 * refuse that, and the staleness test keeps the app's own collections compiled ahead.
 */
function compileAtRuntime(): Map<CollectionName, CompiledValidator> {
  const ajv = createRecordAjv();
  const missing = COLLECTION_NAMES.filter((name) => !(name in compiled));
  return new Map(missing.map((name) => [name, ajv.getSchema(name) as unknown as CompiledValidator]));
}

export function createRecordValidator(): RecordValidator {
  const ahead = compiled as unknown as Readonly<Partial<Record<CollectionName, CompiledValidator>>>;
  const late = COLLECTION_NAMES.every((name) => name in compiled) ? new Map() : compileAtRuntime();
  return {
    validate(collection, doc) {
      const validate = ahead[collection] ?? late.get(collection);
      if (!validate) throw new Error(`record validator: no schema for ${collection}`);
      return validate(doc) ? null : describe(validate.errors);
    },
  };
}
