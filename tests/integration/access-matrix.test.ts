import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPEND_ONLY_COLLECTIONS,
  COLLECTION_NAMES,
  type CollectionDocs,
  type CollectionName,
} from '../../domain/collections';
import { markDealLost, markDealWon } from '../../domain/deal-lifecycle';
import { DEFAULT_PIPELINE_ID, SETTING_IDS, defaultPipeline } from '../../domain/default-records';
import { HybridClock } from '../../domain/hlc';
import { uuidv7 } from '../../domain/ids';
import { convertLeadToDeal } from '../../domain/lead-conversion';
import { changeLeadStatus } from '../../domain/lead-lifecycle';
import { removalStub } from '../../domain/removal-stub';
import {
  accessKeysOf,
  authorizeWrite,
  can,
  reachOf,
  scopeKeyOf,
  type Action,
  type Actor,
} from '../../domain/permissions';
import { createRecord, editRecord, type RecordBody } from '../../domain/record-edits';
import type { Deal } from '../../domain/schemas/deal';
import type { Lead } from '../../domain/schemas/lead';
import type { Pipeline } from '../../domain/schemas/pipeline';
import type { Setting } from '../../domain/schemas/setting';
import type { Role, UserProfile } from '../../domain/schemas/user-profile';
import type { PushRow, RejectionCode, SyncDocument } from '../../domain/sync-protocol';
import { checkRecordWrite } from '../../domain/write-rules';
import type { RecordWrite } from '../../sync-server/store/store';
import {
  TEST_PASSWORD,
  addUser,
  changeUser,
  finalState,
  httpCall,
  listUsers,
  pullEverythingAs,
  pushAcceptedAs,
  pushAs,
  setupOwner,
  signIn,
  startTeamServer,
  type TeamServer,
} from '../support/team-auth';
import { sampleRecords } from '../unit/domain/fixtures';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

/**
 * The access matrix of docs/security.md, over real HTTP against a real server in team mode, on SQLite and on
 * PostgreSQL: for every person × collection × action × ownership case, the server allows exactly
 * what domain/permissions allows and refuses everything else with a per-row `permission.denied`
 * that writes nothing; and a pull as each person returns every record they may read and not one
 * they may not ("zero leaks in both directions").
 *
 * The roster: the Sales Manager (who ran setup, team A); in team A an SDR, two account executives
 * and a supervisor; in team B an account executive and a supervisor. The expectation of each cell
 * is derived from `can` (reachOf + reaches) for that actor and record, once with symbolic ids when
 * the test is named (so the name says "allowed" or "denied") and again with the real records when
 * it runs; the two must agree.
 */

// ---------------------------------------------------------------------------------------------
// The roster, symbolic until the server gives ids.

type TeamKey = 'A' | 'B';
type PersonKey = 'manager' | 'sdrA' | 'ae1A' | 'ae2A' | 'supA' | 'aeB' | 'supB';

interface PersonSpec {
  key: PersonKey;
  label: string;
  name: string;
  role: Role;
  team: TeamKey;
}

const ROSTER: readonly PersonSpec[] = [
  { key: 'manager', label: 'Sales Manager (A)', name: 'Marta Manager', role: 'SALES_MANAGER', team: 'A' },
  { key: 'sdrA', label: 'SDR (A)', name: 'Sam Sdr', role: 'SDR', team: 'A' },
  { key: 'ae1A', label: 'AE 1 (A)', name: 'Ana Exec', role: 'ACCOUNT_EXECUTIVE', team: 'A' },
  { key: 'ae2A', label: 'AE 2 (A)', name: 'Alex Exec', role: 'ACCOUNT_EXECUTIVE', team: 'A' },
  { key: 'supA', label: 'Supervisor (A)', name: 'Sofía Super', role: 'SUPERVISOR', team: 'A' },
  { key: 'aeB', label: 'AE (B)', name: 'Bruno Exec', role: 'ACCOUNT_EXECUTIVE', team: 'B' },
  { key: 'supB', label: 'Supervisor (B)', name: 'Beatriz Super', role: 'SUPERVISOR', team: 'B' },
];

const spec = (key: PersonKey) => ROSTER.find((p) => p.key === key)!;
const otherTeam = (team: TeamKey): TeamKey => (team === 'A' ? 'B' : 'A');
/** The colleague whose records are "a teammate's" for each person. */
const TEAMMATE: Record<PersonKey, PersonKey> = {
  manager: 'ae1A',
  sdrA: 'ae1A',
  ae1A: 'ae2A',
  ae2A: 'ae1A',
  supA: 'ae1A',
  aeB: 'supB',
  supB: 'aeB',
};
/** Whose records are "the other team's" for a member of each team. */
const OTHER_TEAM_OWNER: Record<TeamKey, PersonKey> = { A: 'aeB', B: 'ae1A' };

/** Turns roster keys into ids: symbolic ones for naming the tests, the server's when they run. */
interface Directory {
  id(key: PersonKey): string;
  team(team: TeamKey): string;
}

/** Documents per page in the paged pulls: small, so that every check crosses many pages. */
const SMALL_PAGE = 7;

const SYMBOLIC: Directory = { id: (key) => `user:${key}`, team: (team) => `team:${team}` };
/** Symbolic id of a user profile made by the test (inactive: it never joins a team). */
const SYMBOLIC_FAKE_USER = 'user:fake';

function actorOf(d: Directory, key: PersonKey): Actor {
  const me = spec(key);
  return {
    id: d.id(key),
    role: me.role,
    teamId: d.team(me.team),
    teamMemberIds: ROSTER.filter((p) => p.team === me.team)
      .map((p) => d.id(p.key))
      .sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// The cells.

type CaseKey = 'own' | 'teammate' | 'otherTeam' | 'nobody' | 'nobodyMyTeam' | 'nobodyOtherTeam';

const CASE_LABEL: Record<CaseKey, string> = {
  own: 'own',
  teammate: "a teammate's",
  otherTeam: "the other team's",
  nobody: 'unowned',
  nobodyMyTeam: 'unowned, my team',
  nobodyOtherTeam: 'unowned, other team',
};

type MatrixAction = Exclude<Action, 'read'>;

/** Ownership cases each collection can express (users always own themselves; settings have no keys). */
function casesOf(collection: CollectionName): CaseKey[] {
  if (collection === 'users') return ['own', 'teammate', 'otherTeam'];
  if (collection === 'pipelines') return ['nobody', 'nobodyMyTeam', 'nobodyOtherTeam'];
  if (collection === 'settings') return ['nobody'];
  return ['own', 'teammate', 'otherTeam', 'nobody', 'nobodyMyTeam', 'nobodyOtherTeam'];
}

function actionsOf(collection: CollectionName): MatrixAction[] {
  // A setting has neither owner nor team: there is nothing to reassign.
  if (collection === 'settings') return ['create', 'update', 'delete'];
  const base: MatrixAction[] = ['create', 'update', 'delete', 'reassign'];
  if (collection === 'leads') return [...base, 'convert'];
  if (collection === 'deals') return [...base, 'close'];
  return base;
}

interface Keys {
  ownerId: string;
  teamId: string;
}

/** The owner and team a case gives a record, for one person (users: the owner is the profile itself). */
function keysOf(d: Directory, person: PersonKey, kase: CaseKey): Keys {
  const me = spec(person);
  switch (kase) {
    case 'own':
      return { ownerId: d.id(person), teamId: d.team(me.team) };
    case 'teammate':
      return { ownerId: d.id(TEAMMATE[person]), teamId: d.team(me.team) };
    case 'otherTeam':
      return { ownerId: d.id(OTHER_TEAM_OWNER[me.team]), teamId: d.team(otherTeam(me.team)) };
    case 'nobody':
      return { ownerId: '', teamId: '' };
    case 'nobodyMyTeam':
      return { ownerId: '', teamId: d.team(me.team) };
    case 'nobodyOtherTeam':
      return { ownerId: '', teamId: d.team(otherTeam(me.team)) };
  }
}

/** Where a reassignment takes a record: mine go to a teammate, anyone else's come to me. */
function reassignedKeys(d: Directory, person: PersonKey, collection: CollectionName, before: Keys): Keys {
  const me = spec(person);
  const mine = d.team(me.team);
  const theirs = d.team(otherTeam(me.team));
  if (collection === 'users') return { ownerId: before.ownerId, teamId: before.teamId === mine ? theirs : mine };
  if (collection === 'pipelines') return { ownerId: '', teamId: before.teamId === mine ? theirs : mine };
  const ownerId = before.ownerId === d.id(person) ? d.id(TEAMMATE[person]) : d.id(person);
  return { ownerId, teamId: mine };
}

/** The smallest object accessKeysOf reads as having these keys. */
function withKeys(collection: CollectionName, record: object, keys: Keys): object {
  switch (collection) {
    case 'saved_views':
      return { ...record, userId: keys.ownerId, sharedWithTeamId: keys.teamId };
    case 'users':
      return { ...record, teamId: keys.teamId };
    case 'pipelines':
      return { ...record, teamId: keys.teamId };
    case 'settings':
      return record;
    default:
      return { ...record, ownerId: keys.ownerId, teamId: keys.teamId };
  }
}

/**
 * What domain/permissions allows: the cell's action needs its own reach on the stored record and
 * `update` (a soft delete needs `delete`), a record the actor cannot read is never written, and a
 * new record must be within `create`. Users are the exception the domain spells out: a Sales
 * Manager manages them; anyone else may change only their own name, language and colour.
 */
function expectedAllowed(
  actor: Actor,
  collection: CollectionName,
  action: MatrixAction,
  before: object | null,
  after: object,
): boolean {
  if (collection === 'users') {
    const own = before !== null && (before as { id: string }).id === actor.id;
    // A workspace keeps its manager: a manager may not archive their own profile.
    if (actor.role === 'SALES_MANAGER') return !(own && action === 'delete');
    return action === 'update' && own;
  }
  const may = (a: Action, record: object) => can(actor, a, collection, record);
  // A saved view made already shared with a team needs the right to share (saved_views `reassign`).
  const sharedView = collection === 'saved_views' && (after as { sharedWithTeamId?: string }).sharedWithTeamId !== '';
  if (action === 'create') return may('create', after) && (!sharedView || may('reassign', after));
  if (!before || !may('read', before)) return false;
  switch (action) {
    case 'update':
      return may('update', before);
    case 'delete':
      return may('delete', before);
    case 'reassign':
      // …and the record must land within what the actor may create: nobody hands a record to a
      // place they could not have put it themselves.
      return may('update', before) && may('reassign', before) && may('create', after);
    case 'convert':
      return may('update', before) && may('convert', before);
    case 'close':
      return may('update', before) && may('close', before);
  }
}

interface Cell {
  name: string;
  person: PersonKey;
  collection: CollectionName;
  action: MatrixAction;
  kase: CaseKey;
  allowed: boolean;
  /** The rejection code of a refused cell. */
  code: RejectionCode | null;
}

/**
 * Refusals that the domain's record rules (domain/write-rules) make whoever sends the write:
 * stage changes are history, so any change to a stored one is refused. The server applies those
 * rules before permissions to a record the pusher may read ("an edit of an append-only record
 * says so, whoever sends it"), so such a cell is refused with the rule's code, not
 * `permission.denied`. Checked against checkRecordWrite itself when the cell runs.
 */
function recordRulesRefuse(collection: CollectionName, action: MatrixAction): boolean {
  return action !== 'create' && APPEND_ONLY_COLLECTIONS.has(collection);
}

/** Keys of the stored record and of the pushed one, for a cell, in a directory's ids. */
function cellKeys(
  d: Directory,
  person: PersonKey,
  collection: CollectionName,
  action: MatrixAction,
  kase: CaseKey,
  fakeUserId: string,
): { before: Keys | null; after: Keys } {
  let keys = keysOf(d, person, kase);
  if (collection === 'users' && kase !== 'own') keys = { ...keys, ownerId: fakeUserId };
  if (action === 'create') return { before: null, after: keys };
  return { before: keys, after: action === 'reassign' ? reassignedKeys(d, person, collection, keys) : keys };
}

function staticCells(person: PersonKey, collection: CollectionName): Cell[] {
  const actor = actorOf(SYMBOLIC, person);
  const cells: Cell[] = [];
  for (const action of actionsOf(collection)) {
    for (const kase of casesOf(collection)) {
      // One's own profile exists already: it is never created.
      if (collection === 'users' && action === 'create' && kase === 'own') continue;
      const { before, after } = cellKeys(SYMBOLIC, person, collection, action, kase, SYMBOLIC_FAKE_USER);
      const idOf = (keys: Keys) => (collection === 'users' ? { id: keys.ownerId } : {});
      const stored = before ? withKeys(collection, idOf(before), before) : null;
      const allowed = expectedAllowed(actor, collection, action, stored, withKeys(collection, idOf(after), after));
      const readable = stored === null || can(actor, 'read', collection, stored);
      const code: RejectionCode | null = allowed
        ? null
        : readable && recordRulesRefuse(collection, action)
          ? 'record.appendOnly'
          : 'permission.denied';
      cells.push({
        name: `${action} · ${CASE_LABEL[kase]} → ${code ?? 'allowed'}`,
        person,
        collection,
        action,
        kase,
        allowed,
        code,
      });
    }
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Record bodies: the domain fixtures' valid records, re-keyed.

const SAMPLES = sampleRecords();
const SYSTEM_KEYS = ['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'hlc', 'clocks', 'deletedAt'];
const DEFAULT_PIPELINE = defaultPipeline();
const DEFAULT_PIPELINE_RECORD = createRecord('pipelines', DEFAULT_PIPELINE_ID, DEFAULT_PIPELINE, {
  userId: '',
  hlc: '000000000000001-00000-setup',
  now: '2026-01-01T00:00:00.000Z',
});
let fakeEmails = 0;

function bodyFor<C extends CollectionName>(collection: C, keys: Keys, label: string): RecordBody<C> {
  const body: Record<string, unknown> = { ...SAMPLES[collection] };
  for (const key of [...SYSTEM_KEYS, 'nameKey', 'titleKey']) delete body[key];
  switch (collection) {
    case 'companies':
      body.name = `Company ${label}`;
      break;
    case 'contacts':
      body.lastName = `Contact ${label}`;
      break;
    case 'leads':
      body.companyName = `Lead ${label}`;
      break;
    case 'deals':
      Object.assign(body, {
        title: `Deal ${label}`,
        pipelineId: DEFAULT_PIPELINE_ID,
        stageId: DEFAULT_PIPELINE.stages[1]!.id,
      });
      break;
    case 'activities':
      body.subject = `Activity ${label}`;
      break;
    case 'saved_views':
      body.name = `View ${label}`;
      break;
    case 'pipelines':
      Object.assign(body, { name: `Pipeline ${label}`.slice(0, 100), isDefault: false, position: 5 });
      break;
    case 'settings':
      Object.assign(body, { kind: 'tags', items: [{ key: 'matrix', label: label.slice(0, 100), retired: false }] });
      break;
    case 'users':
      // Inactive: a profile the test makes never joins a team, so nobody's reach moves.
      Object.assign(body, {
        name: `Profile ${label}`.slice(0, 100),
        email: `profile-${++fakeEmails}@outpost.test`,
        role: 'ACCOUNT_EXECUTIVE',
        active: false,
      });
      break;
  }
  return withKeys(collection, body, keys) as RecordBody<C>;
}

// ---------------------------------------------------------------------------------------------

interface Person extends PersonSpec {
  id: string;
  email: string;
  token: string;
  actor: Actor;
}

const sync = <C extends CollectionName>(doc: CollectionDocs[C]): SyncDocument<C> =>
  ({ ...doc, _deleted: false }) as SyncDocument<C>;

const describeKeys = (collection: CollectionName, doc: object | null) =>
  doc ? JSON.stringify({ id: (doc as { id?: string }).id, ...accessKeysOf(collection, doc) }) : 'none';

for (const target of SERVER_TARGETS) describeMatrix(target);

function describeMatrix(target: ServerTarget) {
  describe(`access matrix over HTTP — ${target.name}`, () => {
    let server: TeamServer;
    const people = new Map<PersonKey, Person>();
    const teams: Record<TeamKey, string> = { A: '', B: '' };
    const clock = new HybridClock('matrix');
    const directory: Directory = { id: (key) => people.get(key)!.id, team: (team) => teams[team] };
    const person = (key: PersonKey) => people.get(key)!;
    const manager = () => person('manager');
    /** The base seed, by collection: reshuffled later so that devices see records leave. */
    const baseSeed = new Map<CollectionName, SyncDocument[]>();

    const stamp = (by: PersonKey) => ({
      userId: person(by).id,
      hlc: clock.now(),
      now: new Date().toISOString(),
    });
    const make = <C extends CollectionName>(collection: C, body: RecordBody<C>, by: PersonKey = 'manager') =>
      sync<C>(createRecord(collection, uuidv7(), body, stamp(by)));
    const edit = <C extends CollectionName>(
      collection: C,
      doc: SyncDocument<C>,
      patch: Partial<RecordBody<C>> & { deletedAt?: string | null },
      by: PersonKey,
    ) => {
      clock.receive(doc.hlc);
      const next = editRecord(collection, doc as CollectionDocs[C], patch as never, stamp(by));
      if (!next) throw new Error(`the edit of ${collection} ${doc.id} changes nothing`);
      return sync<C>(next);
    };

    /** The record as the manager pulls it now (from `from`), or undefined. */
    const managerView = async <C extends CollectionName>(collection: C, id: string, from = 0) => {
      const pulled = await pullEverythingAs(server.url, manager().token, collection, from);
      return pulled.documents.filter((d) => d.id === id).pop();
    };
    /** Every live record of a collection, straight from the store: the ground truth for leak checks. */
    const everything = async (collection: CollectionName) => {
      const all = new Map<string, SyncDocument>();
      for (let after = 0; ;) {
        const page = await server.store.pull(collection, after, 1000, { kind: 'all' });
        for (const r of page.records) {
          if (r.deleted) all.delete(r.id);
          else all.set(r.id, { ...(r.body as unknown as SyncDocument), _deleted: false });
        }
        if (page.records.length < 1000) return all;
        after = page.checkpoint;
      }
    };

    beforeAll(async () => {
      server = await startTeamServer({ dbUrl: await target.newDbUrl() });
      const owner = await setupOwner(server.url, {
        name: spec('manager').name,
        email: 'manager@outpost.test',
        password: TEST_PASSWORD,
        teamName: 'Team A',
      });
      teams.A = owner.user.teamId;
      people.set('manager', {
        ...spec('manager'),
        id: owner.user.id,
        email: owner.user.email,
        token: owner.accessToken,
        actor: null as never,
      });
      // Team B: a second item of the workspace's teams setting, added by the manager.
      teams.B = uuidv7();
      const teamList = await managerView('settings', SETTING_IDS.teams);
      if (!teamList) throw new Error('setup did not create the teams setting');
      const withB = edit(
        'settings',
        teamList,
        { items: [...(teamList as Setting).items, { key: teams.B, label: 'Team B', retired: false }] },
        'manager',
      );
      await pushAcceptedAs(server.url, owner.accessToken, 'settings', [
        { newDocumentState: withB, assumedMasterState: teamList },
      ]);
      for (const p of ROSTER.filter((r) => r.key !== 'manager')) {
        const email = `${p.key.toLowerCase()}@outpost.test`;
        const added = await addUser(server.url, owner.accessToken, {
          name: p.name,
          email,
          role: p.role,
          teamId: teams[p.team],
          password: TEST_PASSWORD,
        });
        const grant = await signIn(server.url, email);
        expect(grant.user.id).toBe(added.id);
        people.set(p.key, { ...p, id: added.id, email, token: grant.accessToken, actor: null as never });
      }
      for (const p of people.values()) p.actor = actorOf(directory, p.key);
      const listed = await listUsers(server.url, owner.accessToken);
      expect(
        listed.map((u) => [u.email, u.role, u.teamId, u.active]).sort(),
        'GET /admin/users lists the roster',
      ).toEqual([...people.values()].map((p) => [p.email, p.role, teams[p.team], true]).sort());

      // The base seed: of every collection, a record owned by each person and unowned ones in
      // each team, so that each person has their own, a teammate's, the other team's and nobody's.
      const owners: Keys[] = [
        ...ROSTER.map((p) => ({ ownerId: directory.id(p.key), teamId: teams[p.team] })),
        { ownerId: '', teamId: '' },
        { ownerId: '', teamId: teams.A },
        { ownerId: '', teamId: teams.B },
        // Owner and team marker disagree (a rep's record filed with the other team, or with none):
        // `team` reach covers both the team's members and the team's marker.
        { ownerId: directory.id('ae1A'), teamId: teams.B },
        { ownerId: directory.id('aeB'), teamId: teams.A },
        { ownerId: directory.id('ae2A'), teamId: '' },
      ];
      for (const collection of COLLECTION_NAMES) {
        let seeds: Keys[];
        if (collection === 'users') {
          seeds = [
            { ownerId: '', teamId: teams.A },
            { ownerId: '', teamId: teams.B },
          ];
        } else if (collection === 'pipelines') seeds = owners.filter((k) => k.ownerId === '');
        else if (collection === 'settings') seeds = [{ ownerId: '', teamId: '' }];
        else seeds = owners;
        const docs = seeds.map((keys, i) => make(collection, bodyFor(collection, keys, `base ${i}`)));
        baseSeed.set(collection, docs);
        await pushAcceptedAs(
          server.url,
          owner.accessToken,
          collection,
          docs.map((doc) => ({ newDocumentState: doc, assumedMasterState: null })),
        );
      }
    });
    afterAll(async () => {
      await server?.close();
    });

    /**
     * What a device of `key` holds, kept from the first leak check on: the later checks pull from
     * its checkpoint, as a device that stayed signed in does, so records that left the person's
     * sight must reach it as removals (docs/sync-pitfalls.md, pitfall 8), not merely be absent from a pull from 0.
     */
    const devices = new Map<string, { documents: SyncDocument[]; checkpoint: number }>();

    /**
     * `documents` as received by `key` give exactly the records they may read (by id, per
     * collection), each as stored, and nothing else: every record sent is one they may read, and
     * every removal is a bare stub (id and version: domain/removal-stub.ts) that says nothing more.
     */
    const expectExactlyReadable = async (
      key: PersonKey,
      collection: CollectionName,
      documents: readonly SyncDocument[],
      how: string,
    ) => {
      const me = person(key);
      const truth = await everything(collection);
      const context = (what: string) =>
        `${what}: ${me.label} ${JSON.stringify(me.actor)} ${how} ${collection} on ${target.name}`;
      const sentUnreadable = documents
        .filter((d) => !d._deleted && !can(me.actor, 'read', collection, d))
        .map((d) => `record ${describeKeys(collection, d)}`);
      expect(sentUnreadable, context('documents sent that this person may not read')).toEqual([]);
      const removals = documents.filter((d) => d._deleted);
      expect(removals, context('removals that say more than id and version')).toEqual(
        removals.map((d) => removalStub(collection, d.id, d.hlc)),
      );
      const held = finalState(documents);
      const expected = [...truth.values()].filter((d) => can(me.actor, 'read', collection, d));
      const expectedIds = new Set(expected.map((d) => d.id));
      const missing = expected.filter((d) => !held.has(d.id)).map((d) => describeKeys(collection, d));
      const extra = [...held.values()].filter((d) => !expectedIds.has(d.id)).map((d) => describeKeys(collection, d));
      expect(missing, context('records this person may read but does not hold')).toEqual([]);
      expect(extra, context('records this person holds but may not (or that no longer exist)')).toEqual([]);
      expect(new Set(held.keys())).toEqual(expectedIds);
      for (const doc of expected) {
        expect(held.get(doc.id), context(`record ${doc.id} as held`)).toEqual(doc);
      }
    };

    /**
     * `paged`: also pull in pages of a few documents (pages must stay full while more exists, and
     * removals must page with the records: docs/sync-pitfalls.md, pitfall 3). `device`: keep what this pull gave as a device
     * (`save`), or continue that device from its checkpoint (`continue`).
     */
    const checkNoLeaks = async (
      key: PersonKey,
      collection: CollectionName,
      mode: { paged: boolean; device: 'save' | 'continue' | 'none' },
    ) => {
      const me = person(key);
      const fresh = await pullEverythingAs(server.url, me.token, collection);
      expect(fresh.scopeKey, `the scope key the server answered names ${me.label}`).toBe(scopeKeyOf(me.actor));
      await expectExactlyReadable(key, collection, fresh.documents, 'pulling from 0');
      if (mode.paged) {
        const paged = await pullEverythingAs(server.url, me.token, collection, 0, SMALL_PAGE);
        await expectExactlyReadable(key, collection, paged.documents, `pulling from 0 in pages of ${SMALL_PAGE}`);
      }
      if (mode.device === 'save') {
        devices.set(`${key}/${collection}`, { documents: fresh.documents, checkpoint: fresh.checkpoint });
      } else if (mode.device === 'continue') {
        const device = devices.get(`${key}/${collection}`);
        if (!device) throw new Error('no device to continue: the first leak check keeps it (run the whole file)');
        const since = await pullEverythingAs(server.url, me.token, collection, device.checkpoint, SMALL_PAGE);
        await expectExactlyReadable(
          key,
          collection,
          [...device.documents, ...since.documents],
          `pulling from checkpoint ${device.checkpoint} in pages of ${SMALL_PAGE} on top of what it held,`,
        );
      }
    };

    const leakCells = ROSTER.flatMap((p) =>
      COLLECTION_NAMES.map((collection) => ({ name: `${p.label} · ${collection}`, key: p.key, collection })),
    );

    describe('zero leaks in both directions, after seeding', () => {
      it.each(leakCells)('$name', async ({ key, collection }) => {
        await checkNoLeaks(key, collection, { paged: false, device: 'save' });
      });
    });

    describe.each(ROSTER.map((p) => ({ ...p })))('$label', ({ key }) => {
      describe.each(COLLECTION_NAMES.map((collection) => ({ collection })))('$collection', ({ collection }) => {
        const cells = staticCells(key, collection);
        /** The stored record of each cell (null for a create), seeded by the manager before the cells run. */
        const seeded = new Map<string, SyncDocument | null>();
        let groupStart = 0;

        beforeAll(async () => {
          groupStart = await server.store.currentSeq();
          const docs: SyncDocument[] = [];
          for (const cell of cells) {
            const label = `${key} ${cell.action} ${cell.kase}`;
            if (cell.action === 'create') {
              seeded.set(cell.name, null);
              continue;
            }
            if (collection === 'users' && cell.kase === 'own') {
              seeded.set(cell.name, null); // the real profile, read when the cell runs
              continue;
            }
            const keys = keysOf(directory, key, cell.kase);
            let doc: SyncDocument = make(collection, bodyFor(collection, keys, label));
            if (collection === 'leads' && cell.action === 'convert') {
              const qualified = { status: 'QUALIFIED', qualifiedAt: new Date().toISOString() } as Partial<Lead>;
              doc = sync({ ...(doc as unknown as Lead), ...qualified });
            }
            docs.push(doc);
            seeded.set(cell.name, doc);
          }
          if (docs.length) {
            await pushAcceptedAs(
              server.url,
              manager().token,
              collection,
              docs.map((doc) => ({ newDocumentState: doc, assumedMasterState: null })),
            );
          }
        });

        it.each(cells)('$name', async (cell) => {
          const me = person(key);
          let before: SyncDocument | null = seeded.get(cell.name) ?? null;
          if (collection === 'users' && cell.kase === 'own') {
            before = (await managerView('users', me.id)) ?? null;
            if (!before) throw new Error(`${me.label}'s profile is missing`);
          }
          const after = writeOf(cell, before);
          const expected = expectedAllowed(me.actor, collection, cell.action, before, after);
          const ruleErrors = checkRecordWrite(collection, before as never, after as never, {
            pipeline: (id) => (id === DEFAULT_PIPELINE_ID ? (DEFAULT_PIPELINE_RECORD as Pipeline) : undefined),
            nowMs: Date.now(),
            pipelineMayBePending: false,
          });
          const context = [
            `${me.label} ${JSON.stringify(me.actor)}`,
            `${collection} · ${cell.action} · ${cell.kase} on ${target.name}`,
            `stored: ${describeKeys(collection, before)}`,
            `pushed: ${describeKeys(collection, after)}`,
            `domain authorizeWrite: ${JSON.stringify(authorizeWrite(me.actor, collection, before as never, after as never).map((e) => e.message))}`,
            `domain record rules: ${JSON.stringify(ruleErrors.map((e) => e.code))}`,
            `expected: ${cell.code ?? 'allowed'}`,
          ].join('\n  ');
          expect(expected, `the real ids give the symbolic expectation\n  ${context}`).toBe(cell.allowed);
          expect(ruleErrors.length > 0, `the record rules refuse exactly history edits\n  ${context}`).toBe(
            recordRulesRefuse(collection, cell.action),
          );

          const seqBefore = await server.store.currentSeq();
          const row: PushRow = { newDocumentState: after, assumedMasterState: before };
          const answer = await pushAs(server.url, me.token, collection, [row]);
          const said = `\n  ${context}\n  server: ${answer.status} ${answer.text.slice(0, 800)}`;
          expect(answer.status, said).toBe(200);
          const from = collection === 'users' ? 0 : groupStart;
          if (expected) {
            expect(answer.body, said).toEqual({ conflicts: [], rejected: [] });
            if (collection === 'users' && cell.kase === 'own' && key === 'manager' && cell.action !== 'update') {
              // Archived or moved: read it from the store (an archived manager can no longer pull).
              const stored = (await server.store.getRecords('users', [after.id])).get(after.id);
              expect(
                stored && { ...stored.body, _deleted: stored.deleted },
                `the store holds the write${said}`,
              ).toEqual(after);
              await restoreOwnProfile(before!);
            } else {
              expect(await managerView(collection, after.id, from), `the manager pulls the write${said}`).toEqual(
                after,
              );
            }
          } else {
            const visible = before !== null && can(me.actor, 'read', collection, before);
            expect(answer.body.conflicts, said).toEqual([]);
            expect(answer.body.rejected, said).toEqual([
              expect.objectContaining({
                id: after.id,
                code: cell.code,
                message: expect.any(String),
                master: visible ? before : null,
              }),
            ]);
            expect(await server.store.currentSeq(), `a refused row writes nothing${said}`).toBe(seqBefore);
            expect(
              await managerView(collection, after.id, from),
              `the manager pulls the record unchanged${said}`,
            ).toEqual(before ?? undefined);
          }
        });
      });
    });

    /** The write a cell pushes, from the stored record (or a new record for a create). */
    function writeOf(cell: Cell, before: SyncDocument | null): SyncDocument {
      const { collection, action, kase } = cell;
      const by = cell.person;
      const label = `${by} ${action} ${kase}`;
      if (action === 'create') {
        const { after } = cellKeys(directory, by, collection, action, kase, '');
        return make(collection, bodyFor(collection, after, label), by);
      }
      if (!before) throw new Error(`no stored record for ${cell.name}`);
      switch (action) {
        case 'update':
          return edit(collection, before, updatePatch(collection, label) as never, by);
        case 'delete':
          return edit(collection, before, { deletedAt: new Date().toISOString() } as never, by);
        case 'reassign': {
          const keys = reassignedKeys(directory, by, collection, accessKeysOf(collection, before));
          const patch = withKeys(collection, {}, keys);
          return edit(collection, before, patch as never, by);
        }
        case 'convert': {
          const lead = before as unknown as Lead;
          const plan = convertLeadToDeal(lead, {
            pipeline: DEFAULT_PIPELINE_RECORD as Pipeline,
            title: `${lead.companyName || lead.lastName} — Matrix conversion`,
            value: lead.estimatedValue ?? { amount: 100_000, currency: 'USD' },
            expectedCloseDate: '2026-12-31',
            ownerId: lead.ownerId,
            teamId: lead.teamId,
            company: { kind: 'none' },
            ids: { deal: uuidv7(), contact: uuidv7(), stageChange: uuidv7() },
            rank: 'i',
            at: new Date().toISOString(),
            by: person(by).id,
          });
          if (!plan.ok) throw new Error(`conversion refused by the domain: ${plan.errors[0]!.message}`);
          return edit('leads', before as SyncDocument<'leads'>, plan.value.leadPatch as never, by);
        }
        case 'close': {
          const won = markDealWon(before as unknown as Deal, new Date().toISOString(), person(by).id);
          if (!won.ok) throw new Error(`closing refused by the domain: ${won.errors[0]!.message}`);
          return edit('deals', before as SyncDocument<'deals'>, won.value.patch as never, by);
        }
      }
    }

    function updatePatch(collection: CollectionName, label: string): Record<string, unknown> {
      switch (collection) {
        case 'companies':
          return { notes: `edited by ${label}` };
        case 'contacts':
        case 'leads':
        case 'deals':
          return { notes: `edited by ${label}` };
        case 'activities':
          return { body: `edited by ${label}` };
        case 'stage_changes':
          return { at: new Date().toISOString() };
        case 'saved_views':
          return { name: `edited ${label}`.slice(0, 100) };
        case 'pipelines':
          return { name: `edited ${label}`.slice(0, 100) };
        case 'settings':
          return { items: [{ key: 'matrix', label: `edited ${label}`.slice(0, 100), retired: false }] };
        case 'users':
          return { name: `Renamed ${label}`.slice(0, 100) };
      }
    }

    /**
     * The manager may move their own profile to another team (never archive it): the test puts the
     * profile back straight in the store (test plumbing, not an API call).
     */
    async function restoreOwnProfile(before: SyncDocument) {
      const stored = (await server.store.getRecords('users', [before.id])).get(before.id)!;
      const profile = { ...stored.body, _deleted: false } as unknown as SyncDocument<'users'>;
      const restored = edit(
        'users',
        profile,
        { deletedAt: null, teamId: (before as SyncDocument<'users'>).teamId, active: true } as Partial<UserProfile>,
        'manager',
      );
      const { _deleted, ...body } = restored;
      void _deleted;
      const write: RecordWrite = {
        collection: 'users',
        id: restored.id,
        hlc: restored.hlc,
        deleted: false,
        ownerId: restored.id,
        teamId: restored.teamId,
        body: body as unknown as Record<string, unknown>,
        ...(profile.teamId !== restored.teamId
          ? {
              previousAccess: {
                ownerId: profile.id,
                teamId: profile.teamId,
                hlc: profile.hlc,
                bodyText: JSON.stringify({ ...profile, _deleted: undefined }),
              },
            }
          : {}),
      };
      await server.store.transaction((tx) => tx.putRecords([write]));
      expect(await managerView('users', before.id), 'the manager profile is back').toEqual(restored);
    }

    // -------------------------------------------------------------------------------------------
    // Product rules that do not depend on the table.

    describe('product rules', () => {
      const seedAs = async <C extends CollectionName>(collection: C, doc: SyncDocument<C>) => {
        await pushAcceptedAs(server.url, manager().token, collection, [
          { newDocumentState: doc, assumedMasterState: null },
        ]);
        return doc;
      };
      const dealOf = (owner: PersonKey, title: string) =>
        make(
          'deals',
          bodyFor('deals', { ownerId: person(owner).id, teamId: teams[spec(owner).team] }, title),
        ) as SyncDocument<'deals'>;
      const rejectionOf = async (by: PersonKey, collection: CollectionName, row: PushRow) => {
        const answer = await pushAs(server.url, person(by).token, collection, [row]);
        expect(answer.status, answer.text).toBe(200);
        expect(answer.body.conflicts, answer.text).toEqual([]);
        expect(answer.body.rejected, answer.text).toHaveLength(1);
        return answer.body.rejected[0]!;
      };
      const visibleTo = async (by: PersonKey, collection: CollectionName) =>
        finalState((await pullEverythingAs(server.url, person(by).token, collection)).documents);

      it('an SDR cannot close a deal, not even their own, won or lost, nor create one already closed', async () => {
        const deal = await seedAs('deals', dealOf('sdrA', 'SDR-held deal'));
        const at = new Date().toISOString();
        const won = markDealWon(deal, at, person('sdrA').id);
        const lost = markDealLost(deal, 'Chose a competitor', at, person('sdrA').id);
        if (!won.ok || !lost.ok) throw new Error('the domain refused the close');
        for (const patch of [won.value.patch, lost.value.patch]) {
          const seq = await server.store.currentSeq();
          const rejection = await rejectionOf('sdrA', 'deals', {
            newDocumentState: edit('deals', deal, patch as never, 'sdrA'),
            assumedMasterState: deal,
          });
          expect(rejection).toMatchObject({ id: deal.id, code: 'permission.denied', master: deal });
          expect(await server.store.currentSeq()).toBe(seq);
        }
        const closedNew = make(
          'deals',
          { ...bodyFor('deals', { ownerId: person('ae1A').id, teamId: teams.A }, 'born won'), ...won.value.patch },
          'sdrA',
        );
        expect(
          await rejectionOf('sdrA', 'deals', { newDocumentState: closedNew, assumedMasterState: null }),
        ).toMatchObject({ id: closedNew.id, code: 'permission.denied', master: null });
        expect(await managerView('deals', deal.id)).toEqual(deal);
        expect(await managerView('deals', closedNew.id)).toBeUndefined();
      });

      it("an AE cannot see another AE's deal: not in a pull, not through a push", async () => {
        const theirs = await seedAs('deals', dealOf('ae2A', 'Secret margin deal'));
        expect((await visibleTo('ae1A', 'deals')).has(theirs.id)).toBe(false);
        const seq = await server.store.currentSeq();
        // Knowing the id, even the exact stored state, is not enough to write it or to learn anything.
        const rejection = await rejectionOf('ae1A', 'deals', {
          newDocumentState: edit('deals', theirs, { notes: 'peeking' }, 'ae1A'),
          assumedMasterState: theirs,
        });
        expect(rejection).toMatchObject({ id: theirs.id, code: 'permission.denied', master: null });
        expect(JSON.stringify(rejection)).not.toContain('Secret margin deal');
        expect(await server.store.currentSeq()).toBe(seq);
        expect(await managerView('deals', theirs.id)).toEqual(theirs);
      });

      it("a supervisor can reassign a team deal but not another team's", async () => {
        const teamDeal = await seedAs('deals', dealOf('ae1A', 'Team A deal'));
        const otherDeal = await seedAs('deals', dealOf('aeB', 'Team B deal'));
        const ae1Before = await pullEverythingAs(server.url, person('ae1A').token, 'deals');
        expect(finalState(ae1Before.documents).get(teamDeal.id)).toEqual(teamDeal);
        const moved = edit('deals', teamDeal, { ownerId: person('ae2A').id }, 'supA');
        const answer = await pushAs(server.url, person('supA').token, 'deals', [
          { newDocumentState: moved, assumedMasterState: teamDeal },
        ]);
        expect(answer.body, answer.text).toEqual({ conflicts: [], rejected: [] });
        expect(await managerView('deals', teamDeal.id)).toEqual(moved);
        expect((await visibleTo('ae2A', 'deals')).get(teamDeal.id)).toEqual(moved);
        expect((await visibleTo('ae1A', 'deals')).has(teamDeal.id)).toBe(false);
        // The former owner's device learns it as a removal of the last version it saw: id and hlc.
        const ae1Since = await pullEverythingAs(server.url, person('ae1A').token, 'deals', ae1Before.checkpoint);
        expect(ae1Since.documents).toEqual([removalStub('deals', teamDeal.id, teamDeal.hlc)]);

        const seq = await server.store.currentSeq();
        const taken = edit('deals', otherDeal, { ownerId: person('ae1A').id, teamId: teams.A }, 'supA');
        const rejection = await rejectionOf('supA', 'deals', {
          newDocumentState: taken,
          assumedMasterState: otherDeal,
        });
        expect(rejection).toMatchObject({ id: otherDeal.id, code: 'permission.denied', master: null });
        expect(await server.store.currentSeq()).toBe(seq);
        expect(await managerView('deals', otherDeal.id)).toEqual(otherDeal);
        expect((await visibleTo('aeB', 'deals')).get(otherDeal.id)).toEqual(otherDeal);
      });

      it('refuses per row: in one batch the allowed rows are written and only the forbidden one is refused', async () => {
        const mine = make(
          'leads',
          bodyFor('leads', { ownerId: person('sdrA').id, teamId: teams.A }, 'batch own'),
          'sdrA',
        );
        const forAe = make(
          'leads',
          bodyFor('leads', { ownerId: person('ae1A').id, teamId: teams.A }, 'batch for AE'),
          'sdrA',
        );
        const queued = make('leads', bodyFor('leads', { ownerId: '', teamId: teams.A }, 'batch queue'), 'sdrA');
        const answer = await pushAs(server.url, person('sdrA').token, 'leads', [
          { newDocumentState: mine, assumedMasterState: null },
          { newDocumentState: forAe, assumedMasterState: null },
          { newDocumentState: queued, assumedMasterState: null },
        ]);
        expect(answer.status, answer.text).toBe(200);
        expect(answer.body.conflicts, answer.text).toEqual([]);
        expect(answer.body.rejected, answer.text).toEqual([
          expect.objectContaining({ id: forAe.id, code: 'permission.denied', master: null }),
        ]);
        expect(await managerView('leads', mine.id)).toEqual(mine);
        expect(await managerView('leads', queued.id)).toEqual(queued);
        expect(await managerView('leads', forAe.id)).toBeUndefined();
      });

      it('removes a saved view outright (`_deleted`) only for whoever may delete it', async () => {
        const viewOf = (owner: PersonKey, label: string) =>
          make(
            'saved_views',
            bodyFor('saved_views', { ownerId: person(owner).id, teamId: teams[spec(owner).team] }, label),
          ) as SyncDocument<'saved_views'>;
        const own = await seedAs('saved_views', viewOf('supA', 'supervisor view'));
        const teammates = await seedAs('saved_views', viewOf('ae1A', 'shared AE view'));
        const removed = { ...own, hlc: clock.now(), _deleted: true };
        const ownAnswer = await pushAs(server.url, person('supA').token, 'saved_views', [
          { newDocumentState: removed, assumedMasterState: own },
        ]);
        expect(ownAnswer.body, ownAnswer.text).toEqual({ conflicts: [], rejected: [] });
        expect(await managerView('saved_views', own.id)).toEqual(removalStub('saved_views', own.id, removed.hlc));

        // The supervisor reads the team's views (shared with the team) but deletes only their own.
        expect(can(person('supA').actor, 'read', 'saved_views', teammates)).toBe(true);
        expect(can(person('supA').actor, 'delete', 'saved_views', teammates)).toBe(false);
        const seq = await server.store.currentSeq();
        const rejection = await rejectionOf('supA', 'saved_views', {
          newDocumentState: { ...teammates, hlc: clock.now(), _deleted: true },
          assumedMasterState: teammates,
        });
        expect(rejection).toMatchObject({ id: teammates.id, code: 'permission.denied', master: teammates });
        expect(await server.store.currentSeq()).toBe(seq);
        expect(await managerView('saved_views', teammates.id)).toEqual(teammates);
      });

      it('a manager can do everything: create for anyone, edit, move across teams, convert, close, archive', async () => {
        const m = 'manager' as const;
        const push = async <C extends CollectionName>(
          collection: C,
          doc: SyncDocument<C>,
          prev: SyncDocument<C> | null,
        ) => {
          const answer = await pushAs(server.url, manager().token, collection, [
            { newDocumentState: doc, assumedMasterState: prev },
          ]);
          expect(answer.body, `${collection}: ${answer.text}`).toEqual({ conflicts: [], rejected: [] });
          expect(await managerView(collection, doc.id)).toEqual(doc);
          return doc;
        };
        let deal = await push('deals', dealOf('aeB', 'Manager-made deal'), null);
        deal = await push('deals', edit('deals', deal, { notes: 'manager notes' }, m), deal);
        deal = await push('deals', edit('deals', deal, { ownerId: person('ae1A').id, teamId: teams.A }, m), deal);
        const won = markDealWon(deal, new Date().toISOString(), person(m).id);
        if (!won.ok) throw new Error(won.errors[0]!.message);
        deal = await push('deals', edit('deals', deal, won.value.patch as never, m), deal);
        deal = await push('deals', edit('deals', deal, { deletedAt: new Date().toISOString() }, m), deal);

        let lead = await push(
          'leads',
          make('leads', bodyFor('leads', { ownerId: person('sdrA').id, teamId: teams.A }, 'manager lead')),
          null,
        );
        for (const step of ['CONTACTED', 'QUALIFIED'] as const) {
          const patch = changeLeadStatus(lead, step, new Date().toISOString());
          if (!patch.ok) throw new Error(patch.errors[0]!.message);
          lead = await push('leads', edit('leads', lead, patch.value as never, m), lead);
        }
        const pipeline = createRecord('pipelines', DEFAULT_PIPELINE_ID, DEFAULT_PIPELINE, stamp(m)) as Pipeline;
        const plan = convertLeadToDeal(lead, {
          pipeline,
          title: 'Manager lead — Matrix conversion',
          value: lead.estimatedValue ?? { amount: 100_000, currency: 'USD' },
          expectedCloseDate: '2026-12-31',
          ownerId: person('ae2A').id,
          teamId: teams.A,
          company: { kind: 'none' },
          ids: { deal: uuidv7(), contact: uuidv7(), stageChange: uuidv7() },
          rank: 'i',
          at: new Date().toISOString(),
          by: person(m).id,
        });
        if (!plan.ok) throw new Error(plan.errors[0]!.message);
        const { id: dealId, ...dealBody } = plan.value.deal;
        await push('deals', sync<'deals'>(createRecord('deals', dealId, dealBody, stamp(m))), null);
        await push('leads', edit('leads', lead, plan.value.leadPatch as never, m), lead);

        const settingsDoc = (await managerView('settings', SETTING_IDS['lost-reasons'])) as SyncDocument<'settings'>;
        await push(
          'settings',
          edit(
            'settings',
            settingsDoc,
            { items: [...settingsDoc.items, { key: 'matrix-reason', label: 'Matrix', retired: false }] },
            m,
          ),
          settingsDoc,
        );
        const profile = (await managerView('users', person('aeB').id)) as SyncDocument<'users'>;
        await push('users', edit('users', profile, { name: 'Bruno Exec Jr.' }, m), profile);
      });
    });

    describe('the manager reshuffles the base records', () => {
      it('moves every base record the manager may reassign to the next owner (and team), archiving every third', async () => {
        for (const [collection, docs] of baseSeed) {
          // What the manager may move (users: the domain's own rule); settings have no keys to move.
          const movable = collection === 'users' || reachOf(manager().actor, collection, 'reassign') === 'all';
          if (!movable || collection === 'settings') continue;
          const rows: PushRow[] = [];
          for (const [i, seededDoc] of docs.entries()) {
            const current = await managerView(collection, seededDoc.id);
            if (!current) throw new Error(`base ${collection} ${seededDoc.id} is gone`);
            const next = docs[(i + 1) % docs.length]!;
            const keys = withKeys(collection, {}, accessKeysOf(collection, next));
            const patch = { ...keys, ...(i % 3 === 2 ? { deletedAt: new Date().toISOString() } : {}) };
            rows.push({
              newDocumentState: edit(collection, current, patch as never, 'manager'),
              assumedMasterState: current,
            });
          }
          await pushAcceptedAs(server.url, manager().token, collection, rows);
        }
      });
    });

    describe('zero leaks in both directions, after every write above', () => {
      it.each(leakCells)('$name', async ({ key, collection }) => {
        await checkNoLeaks(key, collection, { paged: true, device: 'continue' });
      });
    });

    describe('zero leaks in both directions, after AE 2 moves from team A to team B', () => {
      beforeAll(async () => {
        const moving = person('ae2A');
        await changeUser(server.url, manager().token, moving.id, { teamId: teams.B });
        // A new team ends the access tokens issued before it: the device refreshes (signs in here).
        const refused = await httpCall<{ error: { code: string } }>(`${server.url}/sync/deals/pull`, {
          headers: { Authorization: `Bearer ${moving.token}` },
        });
        expect([refused.status, refused.body.error.code]).toEqual([401, 'auth.invalidToken']);
        moving.token = (await signIn(server.url, moving.email)).accessToken;
        moving.team = 'B';
        for (const p of people.values()) {
          p.actor = {
            id: p.id,
            role: p.role,
            teamId: teams[p.team],
            teamMemberIds: [...people.values()]
              .filter((q) => q.team === p.team)
              .map((q) => q.id)
              .sort(),
          };
        }
      });
      // A changed scope key makes devices resync from scratch: fresh pulls only.
      it.each(leakCells)('$name', async ({ key, collection }) => {
        await checkNoLeaks(key, collection, { paged: false, device: 'none' });
      });
    });
  });
}
