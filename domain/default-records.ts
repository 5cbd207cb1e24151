import type { Pipeline } from './schemas/pipeline';
import type { Setting, SettingKind } from './schemas/setting';

/**
 * Records every workspace starts with. Their ids are fixed, so two devices that both start empty
 * create the same records instead of two "Sales" pipelines; the merge then sees one record.
 */
export const DEFAULT_PIPELINE_ID = '01900000-0000-7000-8000-000000000001';

export const SETTING_IDS: Readonly<Record<SettingKind, string>> = {
  'lead-sources': '01900000-0000-7000-8000-000000000101',
  'lost-reasons': '01900000-0000-7000-8000-000000000102',
  'disqualify-reasons': '01900000-0000-7000-8000-000000000103',
  teams: '01900000-0000-7000-8000-000000000104',
  tags: '01900000-0000-7000-8000-000000000105',
};

export const DEFAULT_TEAM_ID = '01900000-0000-7000-8000-000000000201';

type Body<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'hlc' | 'clocks' | 'deletedAt'>;

const stage = (n: number, name: string, probability: number, rottingDays: number) => ({
  id: `01900000-0000-7000-8000-0000000010${String(n).padStart(2, '0')}`,
  name,
  probability,
  rottingDays,
  retired: false,
});

export function defaultPipeline(): Body<Pipeline> & { id: string } {
  return {
    id: DEFAULT_PIPELINE_ID,
    name: 'Sales',
    position: 0,
    isDefault: true,
    currency: 'USD',
    teamId: '',
    stages: [
      stage(1, 'Lead in', 10, 14),
      stage(2, 'Qualified', 25, 14),
      stage(3, 'Demo', 50, 10),
      stage(4, 'Proposal', 70, 10),
      stage(5, 'Negotiation', 85, 7),
    ],
  };
}

const items = (keys: string[][]) => keys.map(([key, label]) => ({ key: key!, label: label!, retired: false }));

/** Keys are stable identifiers the UI translates; labels are what an admin typed or the default. */
export function defaultSettings(): (Body<Setting> & { id: string })[] {
  return [
    {
      id: SETTING_IDS['lead-sources'],
      kind: 'lead-sources',
      items: items([
        ['web-form', 'Web form'],
        ['referral', 'Referral'],
        ['cold-call', 'Cold call'],
        ['trade-show', 'Trade show'],
        ['partner', 'Partner'],
        ['inbound-call', 'Inbound call'],
      ]),
    },
    {
      id: SETTING_IDS['lost-reasons'],
      kind: 'lost-reasons',
      items: items([
        ['price', 'Price too high'],
        ['competitor', 'Chose a competitor'],
        ['no-budget', 'No budget'],
        ['no-decision', 'No decision'],
        ['timing', 'Bad timing'],
      ]),
    },
    {
      id: SETTING_IDS['disqualify-reasons'],
      kind: 'disqualify-reasons',
      items: items([
        ['not-a-fit', 'Not a fit'],
        ['no-contact', 'Could not reach'],
        ['duplicate', 'Duplicate'],
        ['spam', 'Spam'],
      ]),
    },
    { id: SETTING_IDS.teams, kind: 'teams', items: items([[DEFAULT_TEAM_ID, 'Sales team']]) },
    { id: SETTING_IDS.tags, kind: 'tags', items: [] },
  ];
}
