import type { IsoDateTime } from '../time';
import type { Money } from '../money';

/** The fields every replicated record carries (see schemas/json-schema.ts `recordFields`). */
export interface RecordBase {
  id: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** User id of the creator, or '' for records made by the system (imports, web forms). */
  createdBy: string;
  /** User id of whoever made the last edit. */
  updatedBy: string;
  hlc: string;
  clocks: Record<string, string>;
  deletedAt: IsoDateTime | null;
  /** Concurrent edits of other devices this record's merges replaced (domain/lost-edits.ts). */
  lostEdits?: LostEdit[];
}

/** An edit of `field`, made with clock `clock`, that a concurrent later edit replaced unseen. */
export interface LostEdit {
  field: string;
  clock: string;
}

export interface Owned {
  /** User id, or '' when unassigned. */
  ownerId: string;
  teamId: string;
}

export interface Address {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

export type { Money };
