import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { COLLECTION_SCHEMAS, type CollectionDocs, type CollectionName } from '@domain/collections';
import { generateDemoData, type DemoBatchOptions, type DemoCollections } from '@demo-data';
import type { Pipeline } from '@domain/schemas/pipeline';
import { daysBetween } from '@domain/time';
import type { WriteLookups } from '@domain/write-rules';

export const TODAY = '2026-03-02';
export const TODAY_MS = Date.parse(`${TODAY}T00:00:00Z`);
export const SMALL: DemoBatchOptions = { size: 'small', today: TODAY };
export const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The small set, generated once for the tests of a file. */
export const small = generateDemoData(SMALL);

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<CollectionName, ValidateFunction>();
export function schemaErrors(collection: CollectionName, records: readonly unknown[]): string[] {
  let validate = validators.get(collection);
  if (!validate) validators.set(collection, (validate = ajv.compile(COLLECTION_SCHEMAS[collection])));
  const errors: string[] = [];
  for (const record of records)
    if (!validate(record))
      errors.push(`${collection} ${(record as { id: string }).id}: ${ajv.errorsText(validate.errors)}`);
  return errors;
}

/** The write rules as the server applies them the day the demo is loaded, to someone who cannot make pipelines. */
export const lookupsFor = (pipelines: Pipeline[]): WriteLookups => ({
  pipeline: (id) => pipelines.find((p) => p.id === id),
  nowMs: TODAY_MS,
  pipelineMayBePending: false,
});
export const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r]));
/** Map.groupBy arrives in Node 21. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The first `limit` records of each collection of the large set (with references into all of it). */
export function largeSample(limit: number): DemoCollections {
  return generateDemoData({ size: 'large', today: TODAY, limit });
}

/** A deal's stage changes must chain from "created" to exactly where and how the deal is now. */
export function expectConsistentHistory(deal: CollectionDocs['deals'], changes: CollectionDocs['stage_changes'][]) {
  const history = [...changes].sort((a, b) => a.at.localeCompare(b.at));
  expect(history.length, deal.id).toBeGreaterThan(0);
  expect(history[0]).toMatchObject({ fromStageId: '', fromStatus: '', toStatus: 'OPEN', at: deal.createdAt });
  history.forEach((sc, i) => {
    expect(sc).toMatchObject({ pipelineId: deal.pipelineId, ownerId: deal.ownerId, teamId: deal.teamId });
    if (i > 0) {
      expect(sc.fromStageId).toBe(history[i - 1]!.toStageId);
      expect(sc.fromStatus).toBe(history[i - 1]!.toStatus);
      expect(sc.at > history[i - 1]!.at).toBe(true);
    }
  });
  const last = history[history.length - 1]!;
  expect(last.toStageId).toBe(deal.stageId);
  expect(last.toStatus).toBe(deal.status);
  if (deal.status === 'OPEN') expect(deal.stageEnteredAt).toBe(last.at);
  else {
    expect(deal.closedAt).toBe(last.at);
    const entered = [...history].reverse().find((sc) => sc.toStatus === 'OPEN')!;
    expect(deal.stageEnteredAt).toBe(entered.at);
  }
  expect(daysBetween(deal.createdAt, deal.updatedAt)).toBeGreaterThanOrEqual(0);
}
