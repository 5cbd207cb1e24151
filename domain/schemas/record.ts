import type { Money } from '../money';
import type {
  addressField,
  lostEditsField,
  mergeFields,
  ownershipFields,
  recordFields,
  recordRequired,
  RecordOf,
} from './json-schema';

/**
 * The fields every replicated record carries (schemas/json-schema.ts `recordFields`, and the
 * `lostEdits` of records that merge), as the type every record type extends.
 */
export type RecordBase = RecordOf<{
  type: 'object';
  additionalProperties: false;
  properties: typeof recordFields & typeof mergeFields;
  required: typeof recordRequired;
}>;

/** An edit of `field`, made with clock `clock`, that a concurrent later edit replaced unseen. */
export type LostEdit = RecordOf<(typeof lostEditsField)['items']>;

/** Owner and team, which decide who may see and change a record (domain/permissions.ts). */
export type Owned = RecordOf<{
  type: 'object';
  additionalProperties: false;
  properties: typeof ownershipFields;
  required: ['ownerId', 'teamId'];
}>;

export type Address = RecordOf<typeof addressField>;

export type { Money };
