import { DEFAULT_TEAM_ID, SETTING_IDS, defaultPipeline, defaultSettings } from '@domain/default-records';
import { createRecord } from '@domain/record-edits';
import type { SavedView } from '@domain/schemas/saved-view';
import type { Setting, SettingItem, SettingKind } from '@domain/schemas/setting';
import type { Role, UserProfile } from '@domain/schemas/user-profile';
import { DAY, MINUTE, type Body, type DemoContext } from './demo-context';
import { DEMO_LATAM_TEAM_ID, DEMO_RENEWALS_PIPELINE_ID, DEMO_RENEWALS_STAGE_IDS, ID_KIND } from './demo-ids';
import { DEMO_USER_SLOTS, type DemoUserSlot } from './demo-options';
import { slug } from './demo-people-places';
import { TAGS, type Language } from './vocabulary';

export interface DemoUser {
  slot: DemoUserSlot;
  id: string;
  teamId: string;
  name: string;
  role: Role;
  locale: Language;
  avatarHue: number;
  /** False for the current user, whose profile already exists. */
  generate: boolean;
}

const USER_PROFILES: Record<DemoUserSlot, { name: string; role: Role; locale: Language; hue: number; latam: boolean }> =
  {
    manager: { name: 'Emma Clarke', role: 'SALES_MANAGER', locale: 'en', hue: 215, latam: false },
    supervisor: { name: 'Lucía Fernández', role: 'SUPERVISOR', locale: 'es', hue: 340, latam: true },
    aeNorth: { name: 'Daniel Brooks', role: 'ACCOUNT_EXECUTIVE', locale: 'en', hue: 30, latam: false },
    aeLatam: { name: 'Camila Rojas', role: 'ACCOUNT_EXECUTIVE', locale: 'es', hue: 150, latam: true },
    sdrNorth: { name: 'Tyler Nguyen', role: 'SDR', locale: 'en', hue: 265, latam: false },
    sdrLatam: { name: 'Mateo Herrera', role: 'SDR', locale: 'es', hue: 95, latam: true },
  };

/** The team that works the demo workspace, and what it set up first: settings, pipelines, saved views. */
export function createDemoTeam(world: DemoContext) {
  const { options, idOf, ctx, setupMs } = world;

  const northTeam = options.currentUser?.teamId ?? DEFAULT_TEAM_ID;
  const users: Record<DemoUserSlot, DemoUser> = Object.fromEntries(
    DEMO_USER_SLOTS.map((slot, i) => {
      const profile = USER_PROFILES[slot];
      const current = slot === 'manager' ? options.currentUser : undefined;
      const user: DemoUser = {
        slot,
        id: current?.id ?? options.userIds?.[slot] ?? idOf(setupMs + i * MINUTE, ID_KIND.users, i),
        teamId: profile.latam ? DEMO_LATAM_TEAM_ID : northTeam,
        name: current?.name || profile.name,
        role: profile.role,
        locale: profile.locale,
        avatarHue: profile.hue,
        generate: !current,
      };
      return [slot, user];
    }),
  ) as Record<DemoUserSlot, DemoUser>;
  const manager = users.manager;
  const ae = (lang: Language) => (lang === 'es' ? users.aeLatam : users.aeNorth);
  const sdr = (lang: Language) => (lang === 'es' ? users.sdrLatam : users.sdrNorth);

  function userProfiles(): UserProfile[] {
    return DEMO_USER_SLOTS.map((slot) => users[slot])
      .filter((u) => u.generate)
      .map((u, i) =>
        createRecord(
          'users',
          u.id,
          {
            name: u.name,
            email: `${slug(u.name.split(' ')[0]!)}.${slug(u.name.split(' ').slice(1).join(''))}@outpost.example`,
            role: u.role,
            teamId: u.teamId,
            active: true,
            locale: u.locale,
            avatarHue: u.avatarHue,
          },
          ctx(setupMs + i * MINUTE, manager.id),
        ),
      );
  }

  const defaults = defaultSettings();
  const defaultItems = (kind: SettingKind): SettingItem[] => defaults.find((s) => s.kind === kind)?.items ?? [];
  const keysOf = (kind: SettingKind) => defaultItems(kind).map((item) => item.key);
  const leadSources = keysOf('lead-sources');
  const lostReasons = keysOf('lost-reasons');
  const disqualifyReasons = keysOf('disqualify-reasons');

  function settings(): Setting[] {
    const items: Record<SettingKind, SettingItem[]> = {
      'lead-sources': defaultItems('lead-sources'),
      'lost-reasons': defaultItems('lost-reasons'),
      'disqualify-reasons': defaultItems('disqualify-reasons'),
      teams: [
        { key: northTeam, label: 'North America', retired: false },
        { key: DEMO_LATAM_TEAM_ID, label: 'Latin America', retired: false },
      ],
      tags: TAGS.map(([key, label]) => ({ key, label, retired: false })),
    };
    return (Object.keys(SETTING_IDS) as SettingKind[]).map((kind, i) =>
      createRecord('settings', SETTING_IDS[kind], { kind, items: items[kind] }, ctx(setupMs + i * MINUTE, manager.id)),
    );
  }

  const { id: salesPipelineId, ...salesBody } = defaultPipeline();
  const salesPipeline = createRecord('pipelines', salesPipelineId, salesBody, ctx(setupMs, manager.id));
  const renewalsPipeline = createRecord(
    'pipelines',
    DEMO_RENEWALS_PIPELINE_ID,
    {
      name: 'Renewals',
      position: 1,
      isDefault: false,
      currency: 'USD',
      teamId: '',
      stages: [
        { id: DEMO_RENEWALS_STAGE_IDS[0], name: 'Renewal due', probability: 60, rottingDays: 30, retired: false },
        { id: DEMO_RENEWALS_STAGE_IDS[1], name: 'In negotiation', probability: 80, rottingDays: 14, retired: false },
        { id: DEMO_RENEWALS_STAGE_IDS[2], name: 'Verbal commit', probability: 95, rottingDays: 7, retired: false },
      ],
    },
    ctx(setupMs + MINUTE, manager.id),
  );

  function savedViews(): SavedView[] {
    const views: (Omit<Body<SavedView>, 'position' | 'density'> & { density?: SavedView['density'] })[] = [];
    const columns = (...fields: string[]) => fields.map((field) => ({ field, width: field === 'title' ? 280 : 140 }));
    const eq = (field: string, value: unknown) => ({ field, op: 'eq' as const, value: JSON.stringify(value) });
    views.push(
      {
        userId: manager.id,
        sharedWithTeamId: '',
        section: 'deals',
        name: 'Open deals by close date',
        filters: [eq('status', 'OPEN')],
        sort: [{ field: 'expectedCloseDate', direction: 'asc' }],
        columns: columns('title', 'value', 'stageId', 'ownerId', 'expectedCloseDate'),
      },
      {
        userId: manager.id,
        sharedWithTeamId: northTeam,
        section: 'leads',
        name: 'New leads',
        filters: [eq('status', 'NEW')],
        sort: [{ field: 'nameKey', direction: 'asc' }],
        columns: columns('nameKey', 'companyName', 'source', 'ownerId'),
      },
    );
    for (const u of [users.aeNorth, users.aeLatam]) {
      views.push({
        userId: u.id,
        sharedWithTeamId: '',
        section: 'deals',
        name: u.locale === 'es' ? 'Mis negocios abiertos' : 'My open deals',
        filters: [eq('ownerId', u.id), eq('status', 'OPEN')],
        sort: [{ field: 'expectedCloseDate', direction: 'asc' }],
        columns: columns('title', 'value', 'stageId', 'expectedCloseDate'),
        density: 'compact',
      });
    }
    for (const u of [users.sdrNorth, users.sdrLatam]) {
      views.push({
        userId: u.id,
        sharedWithTeamId: '',
        section: 'leads',
        name: u.locale === 'es' ? 'Mis prospectos por llamar' : 'My leads to call',
        filters: [eq('ownerId', u.id), { field: 'status', op: 'in', value: JSON.stringify(['NEW', 'CONTACTED']) }],
        sort: [{ field: 'nameKey', direction: 'asc' }],
        columns: columns('nameKey', 'phone', 'companyName', 'status'),
        density: 'compact',
      });
    }
    views.push({
      userId: users.supervisor.id,
      sharedWithTeamId: DEMO_LATAM_TEAM_ID,
      section: 'activities',
      name: 'Llamadas del equipo',
      filters: [eq('type', 'CALL'), eq('teamId', DEMO_LATAM_TEAM_ID)],
      sort: [{ field: 'dueAt', direction: 'asc' }],
      columns: columns('subject', 'ownerId', 'dueAt', 'outcome'),
    });
    const positions = new Map<string, number>();
    return views.map((view, i) => {
      const key = `${view.userId}/${view.section}`;
      const position = positions.get(key) ?? 0;
      positions.set(key, position + 1);
      const ms = setupMs + DAY + i * MINUTE;
      return createRecord(
        'saved_views',
        idOf(ms, ID_KIND.saved_views, i),
        { density: 'comfortable', ...view, position },
        ctx(ms, view.userId),
      );
    });
  }

  return {
    northTeam,
    users,
    manager,
    ae,
    sdr,
    userProfiles,
    settings,
    leadSources,
    lostReasons,
    disqualifyReasons,
    salesPipeline,
    renewalsPipeline,
    savedViews,
  };
}

export type DemoTeam = ReturnType<typeof createDemoTeam>;
