/** Descriptions of the fields many collections share (domain/schemas/json-schema.ts). */
export const RECORD_FIELDS = {
  id: 'The record’s id: a UUIDv7 the creating device makes, lower-case; it never changes.',
  createdAt: 'When the record was created (UTC ISO), stamped by the creating device; it never changes.',
  updatedAt: 'When the record was last edited (UTC ISO), stamped by the editing device; for display.',
  createdBy: 'User id of whoever created the record, or `""` for records the system made; it never changes.',
  updatedBy: 'User id of whoever made the last edit; for display.',
  hlc: 'Hybrid logical clock of the record’s last edit: a new value is a new version (see Conventions).',
  clocks: '`{ field: hlc }`: the clock of each field edited since creation; a field not listed has the empty clock.',
  deletedAt: 'When a user archived the record (soft delete, undone by setting it back to null), else null.',
} as const;

export const LOST_EDIT_FIELDS = {
  lostEdits:
    'Optional. Edits of other devices that a merge replaced unseen, so their authors learn of it; written only by merges (see Conventions).',
  'lostEdits[].field': 'The field whose edit lost.',
  'lostEdits[].clock': 'The clock of the edit that lost (its author’s device node is in it).',
} as const;

export const OWNERSHIP_FIELDS = {
  ownerId:
    'User id of the owner, or `""` when nobody owns it yet; with `teamId` it decides who may read and change the record.',
  teamId: 'The team the record belongs to (an item key of the `teams` setting), or `""`.',
} as const;

export const ADDRESS_FIELDS = {
  address: 'Postal address; every part is optional.',
  'address.street': 'Street and number.',
  'address.city': 'City.',
  'address.region': 'State, province or region.',
  'address.postalCode': 'Postal code.',
  'address.country': 'Country, ISO 3166-1 alpha-2 ("MX").',
} as const;

/** `path`, `path.amount`, `path.currency` of a money value. */
export function moneyFields(path: string, what: string): Record<string, string> {
  return {
    [path]: what,
    [`${path}.amount`]: 'Integer amount in minor units of the currency (cents for USD: 1250000 is $12,500.00).',
    [`${path}.currency`]: 'ISO 4217 currency code ("USD").',
  };
}
