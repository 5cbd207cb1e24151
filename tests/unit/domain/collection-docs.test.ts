import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from '@domain/collections';
import { COLLECTION_DOCS } from '@domain/collection-docs';
import { EXAMPLE_TEAM_ID, EXAMPLE_USER_ID } from '@domain/collection-docs/example-ids';
import { defaultPipeline } from '@domain/default-records';
import { withDerivedFields } from '@domain/record-edits';
import { authorizeWrite } from '@domain/permissions';
import { checkRecordWrite } from '@domain/write-rules';
import type { Pipeline } from '@domain/schemas/pipeline';
import { createRecordValidator } from '@domain/record-validation/record-validator';
import { fieldRows } from '../../../scripts/api-reference/schema-fields';

const validator = createRecordValidator();
const salesManager = {
  id: EXAMPLE_USER_ID,
  role: 'SALES_MANAGER',
  teamId: EXAMPLE_TEAM_ID,
  teamMemberIds: [],
} as const;
// The examples are dated March 2025; judge them as pushed a day later.
const nowMs = Date.parse('2025-03-09T12:00:00.000Z');

describe.each(COLLECTION_NAMES)('the reference of %s', (collection) => {
  const doc = COLLECTION_DOCS[collection];
  const schemaPaths = fieldRows(COLLECTION_SCHEMAS[collection]).map((row) => row.path);

  it('describes every field of the schema, nested fields included', () => {
    const undescribed = schemaPaths.filter((path) => !doc.fields[path]?.trim());
    expect(undescribed).toEqual([]);
  });

  it('describes no field the schema does not have', () => {
    expect(Object.keys(doc.fields).filter((path) => !schemaPaths.includes(path))).toEqual([]);
  });

  it('shows an example the server’s schema accepts, with its derived keys computed', () => {
    expect(validator.validate(collection, { ...doc.example, _deleted: false })).toBeNull();
    expect(withDerivedFields(collection, doc.example)).toEqual(doc.example);
  });

  it('shows an example the write rules and the Sales Manager’s permissions accept', () => {
    const pipeline = { ...defaultPipeline() } as unknown as Pipeline;
    const lookups = {
      nowMs,
      pipeline: (id: string) => (id === pipeline.id ? pipeline : undefined),
      pipelineMayBePending: false,
    };
    expect(checkRecordWrite(collection, null, doc.example, lookups)).toEqual([]);
    expect(authorizeWrite(salesManager, collection, null, doc.example)).toEqual([]);
  });

  it('says in words what a writer must know', () => {
    expect(doc.summary.trim()).not.toBe('');
    expect(doc.rules.length).toBeGreaterThan(0);
  });
});
