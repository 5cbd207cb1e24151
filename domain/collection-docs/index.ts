import type { CollectionName } from '../collections';
import { activitiesDoc } from './activities';
import type { CollectionDoc } from './collection-doc';
import { companiesDoc } from './companies';
import { contactsDoc } from './contacts';
import { dealsDoc } from './deals';
import { leadsDoc } from './leads';
import { pipelinesDoc } from './pipelines';
import { savedViewsDoc } from './saved-views';
import { settingsDoc } from './settings';
import { stageChangesDoc } from './stage-changes';
import { usersDoc } from './users';

export type { CollectionDoc } from './collection-doc';

/** The hand-written reference of every collection: a collection without one fails typecheck. */
export const COLLECTION_DOCS: { readonly [K in CollectionName]: CollectionDoc<K> } = {
  companies: companiesDoc,
  contacts: contactsDoc,
  leads: leadsDoc,
  deals: dealsDoc,
  activities: activitiesDoc,
  pipelines: pipelinesDoc,
  stage_changes: stageChangesDoc,
  saved_views: savedViewsDoc,
  users: usersDoc,
  settings: settingsDoc,
};
