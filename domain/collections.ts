import type { CollectionSchema } from './schemas/json-schema';
import { companySchema, type Company } from './schemas/company';
import { contactSchema, type Contact } from './schemas/contact';
import { leadSchema, type Lead } from './schemas/lead';
import { dealSchema, type Deal } from './schemas/deal';
import { activitySchema, type Activity } from './schemas/activity';
import { pipelineSchema, type Pipeline } from './schemas/pipeline';
import { stageChangeSchema, type StageChange } from './schemas/stage-change';
import { savedViewSchema, type SavedView } from './schemas/saved-view';
import { userProfileSchema, type UserProfile } from './schemas/user-profile';
import { settingSchema, type Setting } from './schemas/setting';

/**
 * Every replicated collection, in one place. Free RxDB opens at most 13 collections per page, so
 * this list is a budget (docs/adr/0002-collection-budget.md): a new noun first looks for a record
 * to live inside.
 */
export interface CollectionDocs {
  companies: Company;
  contacts: Contact;
  leads: Lead;
  deals: Deal;
  activities: Activity;
  pipelines: Pipeline;
  stage_changes: StageChange;
  saved_views: SavedView;
  users: UserProfile;
  settings: Setting;
}

export type CollectionName = keyof CollectionDocs;
export type AnyRecord = CollectionDocs[CollectionName];

export const COLLECTION_SCHEMAS: { readonly [K in CollectionName]: CollectionSchema } = {
  companies: companySchema,
  contacts: contactSchema,
  leads: leadSchema,
  deals: dealSchema,
  activities: activitySchema,
  pipelines: pipelineSchema,
  stage_changes: stageChangeSchema,
  saved_views: savedViewSchema,
  users: userProfileSchema,
  settings: settingSchema,
};

export const COLLECTION_NAMES = Object.keys(COLLECTION_SCHEMAS) as CollectionName[];

export const MAX_COLLECTIONS = 12;

export function isCollectionName(value: unknown): value is CollectionName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(COLLECTION_SCHEMAS, value);
}

/** Records that are written once and never edited: they can never be in conflict. */
export const APPEND_ONLY_COLLECTIONS: ReadonlySet<CollectionName> = new Set(['stage_changes']);
