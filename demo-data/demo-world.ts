import type { CollectionDocs } from '@domain/collections';
import type { Contact } from '@domain/schemas/contact';
import type { Lead } from '@domain/schemas/lead';
import type { Pipeline } from '@domain/schemas/pipeline';
import { createDemoActivities } from './demo-activities';
import { createDemoCompanies } from './demo-companies';
import { createDemoContacts } from './demo-contacts';
import { createDemoContext } from './demo-context';
import { createDemoDealPlans } from './demo-deal-plans';
import { createDemoDeals } from './demo-deals';
import { createDemoLeads } from './demo-leads';
import type { DemoDataOptions } from './demo-options';
import { createDemoTeam } from './demo-team';

export {
  DEFAULT_DEMO_SEED,
  DEMO_SIZES,
  DEMO_USER_SLOTS,
  type DemoCounts,
  type DemoDataOptions,
  type DemoSize,
  type DemoUserSlot,
} from './demo-options';
export type { BuiltDeal } from './demo-deals';

/**
 * The demo workspace as pure functions of (seed, collection, index): record i of any collection
 * can be built on its own, and the records it points to are rebuilt on demand instead of kept, so
 * the large set streams in constant memory. Same options, same records, byte for byte.
 */
export function createDemoWorld(options: DemoDataOptions) {
  const world = createDemoContext(options);
  const team = createDemoTeam(world);
  const companies = createDemoCompanies(world, team);
  const contacts = createDemoContacts(world, team, companies);
  const plans = createDemoDealPlans(world, team, contacts);
  const leads = createDemoLeads(world, team, companies, plans);
  const deals = createDemoDeals(world, team, plans, leads);
  const { activity } = createDemoActivities(world, contacts, leads, deals);
  const { salesPipeline, renewalsPipeline } = team;

  return {
    seed: world.seed,
    counts: world.counts,
    settings: team.settings,
    users: team.userProfiles,
    pipelines: (): Pipeline[] => [salesPipeline, renewalsPipeline],
    savedViews: team.savedViews,
    company: companies.company,
    contact: (c: number): Contact => contacts.contactParts(c).contact,
    lead: (i: number): Lead => leads.leadParts(i).lead,
    deal: deals.deal,
    stageChangeCount: deals.stageChangeCount,
    activity,
  };
}

export type DemoWorld = ReturnType<typeof createDemoWorld>;

export type DemoCollections = { [C in keyof CollectionDocs]: CollectionDocs[C][] };
