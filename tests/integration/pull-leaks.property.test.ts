import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import type { CollectionDocs } from '../../domain/collections';
import { SETTING_IDS } from '../../domain/default-records';
import { HybridClock } from '../../domain/hlc';
import { uuidv7 } from '../../domain/ids';
import { accessKeysOf, authorizeWrite, can, scopeKeyOf, type Actor } from '../../domain/permissions';
import { createRecord, editRecord, type RecordBody } from '../../domain/record-edits';
import { removalStub } from '../../domain/removal-stub';
import type { Setting } from '../../domain/schemas/setting';
import type { Role } from '../../domain/schemas/user-profile';
import type { PushResponse, SyncDocument } from '../../domain/sync-protocol';
import { callBody, contactBody, dealBody } from '../support/record-bodies';
import {
  TEST_PASSWORD,
  addUser,
  changeUser,
  pullEverythingAs,
  pushAs,
  pushAcceptedAs,
  setupOwner,
  signIn,
  startTeamServer,
  type TeamServer,
} from '../support/team-auth';
import { sampleRecords } from '../unit/domain/fixtures';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

/**
 * No field of a record ever reaches someone who may not read it — checked by random histories on
 * the real server, SQLite and PostgreSQL. A history creates deals, contacts, leads and activities
 * whose every version carries its own marker (in its text and, where it has one, its amount),
 * hands records to other owners and teams, and moves people between two teams and roles; people
 * pull along the way as devices do. Afterwards everyone pulls every collection from 0 and from
 * checkpoints taken during the history. Every document anyone receives, pulled or answered to a
 * push, is checked against domain/permissions (`can`, the rule itself): each marker in it must
 * belong to a version its receiver may read at that moment, and every removal must be a bare stub
 * (domain/removal-stub.ts) that carries no marker at all.
 */

const COLLECTIONS = ['deals', 'contacts', 'leads', 'activities'] as const;
type Collection = (typeof COLLECTIONS)[number];
type TeamKey = 'X' | 'Y';
const PEOPLE = [
  { key: 'sdrX', role: 'SDR', team: 'X' },
  { key: 'aeX', role: 'ACCOUNT_EXECUTIVE', team: 'X' },
  { key: 'supX', role: 'SUPERVISOR', team: 'X' },
  { key: 'aeY', role: 'ACCOUNT_EXECUTIVE', team: 'Y' },
  { key: 'supY', role: 'SUPERVISOR', team: 'Y' },
  { key: 'smX', role: 'SALES_MANAGER', team: 'X' },
] as const satisfies readonly { key: string; role: Role; team: TeamKey }[];
const ROLES: readonly Role[] = ['SDR', 'ACCOUNT_EXECUTIVE', 'SUPERVISOR', 'SALES_MANAGER'];

/**
 * One step of a history; people and records are picked by index, modulo what exists. A write's
 * author is mostly someone domain/permissions allows to make it (`by: null`, the `pick`-th of
 * them), so that histories get somewhere, and sometimes anyone, who may be refused.
 */
type Step =
  | { kind: 'create'; collection: Collection; by: number | null; pick: number; owner: number; team: number }
  | { kind: 'reassign'; record: number; by: number | null; pick: number; owner: number; team: number }
  | { kind: 'moveTeam'; person: number; team: number }
  | { kind: 'changeRole'; person: number; role: number }
  | { kind: 'pull'; person: number; collection: Collection };

const person = fc.nat(PEOPLE.length - 1);
const author = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: person });
/** An owner: one of the people, or nobody (the last index). */
const owner = fc.nat(PEOPLE.length);
/** A team: X, Y, or none. */
const team = fc.nat(2);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      collection: fc.constantFrom(...COLLECTIONS),
      by: author,
      pick: fc.nat(),
      owner,
      team,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('reassign' as const),
      record: fc.nat(),
      by: author,
      pick: fc.nat(),
      owner,
      team,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('moveTeam' as const), person, team: fc.nat(1) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('changeRole' as const), person, role: fc.nat(ROLES.length - 1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('pull' as const), person, collection: fc.constantFrom(...COLLECTIONS) }),
  },
);
const historyArb = fc.record({
  // Long enough, from the first run on, for a record to change hands and someone to join its old
  // scope afterwards: short histories rarely do both, and the runs are few.
  steps: fc.array(stepArb, { minLength: 8, maxLength: 16, size: 'max' }),
  /** Which of the checkpoints taken after each step everyone also pulls from at the end. */
  checkpoints: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 2 }),
});

/** Runs of each target: a few seconds in all (each run signs six people up). */
const RUNS = 8;
const PAGE = 50;

const MARKER = /zq(\d+)qz/g;
/** Marker amounts: 700,000,000 + the version's number, so no other number in a record is one. */
const AMOUNT_BASE = 700_000_000;

const SAMPLE = sampleRecords();
function leadBody(overrides: Partial<RecordBody<'leads'>>): RecordBody<'leads'> {
  const { id, createdAt, updatedAt, createdBy, updatedBy, hlc, clocks, deletedAt, nameKey, ...body } = SAMPLE.leads;
  void [id, createdAt, updatedAt, createdBy, updatedBy, hlc, clocks, deletedAt, nameKey];
  return { ...body, ...overrides };
}

/** The fields of a version that carry its marker `n`. */
function markedFields(collection: Collection, n: number): Record<string, unknown> {
  const tag = `zq${n}qz`;
  switch (collection) {
    case 'deals':
      return { title: `Deal ${tag}`, notes: `Deal notes ${tag}`, value: { amount: AMOUNT_BASE + n, currency: 'USD' } };
    case 'leads':
      return {
        companyName: `Lead ${tag}`,
        notes: `Lead notes ${tag}`,
        estimatedValue: { amount: AMOUNT_BASE + n, currency: 'USD' },
      };
    case 'contacts':
      return { lastName: `Contact ${tag}`, notes: `Contact notes ${tag}` };
    case 'activities':
      return { subject: `Activity ${tag}`, body: `Activity body ${tag}` };
  }
}

function newBody(collection: Collection, n: number, keys: { ownerId: string; teamId: string }) {
  const marked = { ...markedFields(collection, n), ...keys };
  switch (collection) {
    case 'deals':
      return dealBody(marked);
    case 'contacts':
      return contactBody(marked);
    case 'leads':
      return leadBody(marked);
    case 'activities':
      return callBody('', marked);
  }
}

/** Every version number a document's text or amounts name. */
function markersIn(doc: unknown): number[] {
  const found = new Set<number>();
  for (const match of JSON.stringify(doc).matchAll(MARKER)) found.add(Number(match[1]));
  const walk = (value: unknown) => {
    if (typeof value === 'number' && value >= AMOUNT_BASE && value < AMOUNT_BASE + 100_000_000) {
      found.add(value - AMOUNT_BASE);
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(doc);
  return [...found];
}

for (const target of SERVER_TARGETS) describePullLeaks(target);

interface Person {
  key: string;
  id: string;
  role: Role;
  teamId: string;
  email: string;
  /** Signed in again after each change of role or team: the server ends the tokens issued before. */
  token: string;
}

interface Version {
  collection: Collection;
  doc: SyncDocument;
  /** Everyone who could read this version at some moment while it was the record's current one. */
  readers: Set<Person>;
}

function describePullLeaks(target: ServerTarget) {
  describe(`no field reaches anyone who may not read it, over random histories — ${target.name}`, () => {
    let server: TeamServer;
    let owner: SessionGrant;
    let teamsSetting: SyncDocument<'settings'>;
    const clock = new HybridClock('leaks');
    // What every run wrote stays on the server, and the oracle keeps judging it: later runs' people
    // can come to read it (a Sales Manager reads everything, an SDR every unassigned lead).
    const people: Person[] = [];
    const records: { collection: Collection; current: SyncDocument; version: number }[] = [];
    /** Every version ever accepted, by its marker number. */
    const versions = new Map<number, Version>();
    let markers = 0;
    let runs = 0;

    beforeAll(async () => {
      server = await startTeamServer({ dbUrl: await target.newDbUrl() });
      owner = await setupOwner(server.url, {
        name: 'Olga Owner',
        email: 'owner@outpost.test',
        password: TEST_PASSWORD,
        teamName: 'Head office',
      });
      const settings = await pullEverythingAs(server.url, owner.accessToken, 'settings');
      teamsSetting = settings.documents.find((d) => d.id === SETTING_IDS.teams) as SyncDocument<'settings'>;
    });
    afterAll(async () => {
      await server?.close();
    });

    const stamp = (userId: string) => ({ userId, hlc: clock.now(), now: new Date().toISOString() });

    /** A person as the server judges them now: their role, their team and its members. */
    const actorOf = (me: Person): Actor => ({
      id: me.id,
      role: me.role,
      teamId: me.teamId,
      teamMemberIds: people
        .filter((p) => p.teamId === me.teamId)
        .map((p) => p.id)
        .sort(),
    });

    /** Who may read each record's current version now, per domain/permissions: they saw it. */
    const noteReaders = () => {
      for (const record of records) {
        const version = versions.get(record.version)!;
        for (const p of people) {
          if (can(actorOf(p), 'read', record.collection, record.current)) version.readers.add(p);
        }
      }
    };

    /** A new team pair and six new people in it, set up by the workspace's owner. */
    const newRun = async (run: number) => {
      const teamIds: Record<TeamKey, string> = { X: uuidv7(), Y: uuidv7() };
      clock.receive(teamsSetting.hlc);
      const items = [
        ...(teamsSetting as Setting).items,
        { key: teamIds.X, label: `Run ${run} X`, retired: false },
        { key: teamIds.Y, label: `Run ${run} Y`, retired: false },
      ];
      const withTeams = {
        ...editRecord('settings', teamsSetting, { items }, stamp(owner.user.id))!,
        _deleted: false,
      } as SyncDocument<'settings'>;
      await pushAcceptedAs(server.url, owner.accessToken, 'settings', [
        { newDocumentState: withTeams, assumedMasterState: teamsSetting },
      ]);
      teamsSetting = withTeams;
      const cast: Person[] = [];
      for (const p of PEOPLE) {
        const email = `${p.key.toLowerCase()}-${run}@outpost.test`;
        const added = await addUser(server.url, owner.accessToken, {
          name: `${p.key} ${run}`,
          email,
          role: p.role,
          teamId: teamIds[p.team],
          password: TEST_PASSWORD,
        });
        const grant = await signIn(server.url, email);
        cast.push({
          key: `${p.key}#${run}`,
          id: added.id,
          role: p.role,
          teamId: teamIds[p.team],
          email,
          token: grant.accessToken,
        });
      }
      people.push(...cast);
      return { teamIds, cast };
    };

    it('keeps every marker from everyone who may not read its version, in pulls from 0, from checkpoints and in push answers', async () => {
      await fc.assert(
        fc.asyncProperty(historyArb, async ({ steps, checkpoints }) => {
          const { teamIds, cast } = await newRun(++runs);
          const ownRecords: (typeof records)[number][] = [];
          const devices = new Map<string, number>();
          const seqs: number[] = [];
          const log: string[] = [];

          /** Everything `me` received now, checked against domain/permissions. */
          const expectNothingUnreadable = (
            me: Person,
            collection: Collection,
            documents: readonly SyncDocument[],
            how: string,
          ) => {
            noteReaders();
            const actor = actorOf(me);
            for (const doc of documents) {
              const context = `${me.key} ${JSON.stringify(actor)} ${how} ${collection} ${doc.id}\n  history: ${log.join('; ')}`;
              for (const n of markersIn(doc)) {
                const version = versions.get(n);
                expect(version, `marker ${n} belongs to a version written: ${context}`).toBeDefined();
                const keys = JSON.stringify(accessKeysOf(version!.collection, version!.doc));
                expect(
                  version!.readers.has(me),
                  `marker ${n} of a version ${keys} reached someone who never could read it: ${context}`,
                ).toBe(true);
                if (!doc._deleted) {
                  expect(
                    can(actor, 'read', version!.collection, version!.doc),
                    `marker ${n} of a version ${keys} reached someone who may not read it now: ${context}`,
                  ).toBe(true);
                }
              }
              if (doc._deleted) {
                expect(doc, `a removal says nothing but id and version: ${context}`).toEqual(
                  removalStub(collection, doc.id, doc.hlc),
                );
              }
            }
          };
          const pullAs = async (me: Person, collection: Collection, from: number, how: string) => {
            const pulled = await pullEverythingAs(server.url, me.token, collection, from, PAGE);
            expect(pulled.scopeKey, `the oracle judges ${me.key} as the server does`).toBe(scopeKeyOf(actorOf(me)));
            expectNothingUnreadable(me, collection, pulled.documents, how);
            return pulled;
          };
          const allows = (me: Person, collection: Collection, before: SyncDocument | null, next: SyncDocument) => {
            const actor = actorOf(me);
            return (
              (before === null || can(actor, 'read', collection, before)) &&
              authorizeWrite(actor, collection, before as never, next as never).length === 0
            );
          };
          /** The step's author, and the document they write (made by `write` with their stamp). */
          const authorOf = (
            step: { by: number | null; pick: number },
            collection: Collection,
            before: SyncDocument | null,
            write: (by: Person) => SyncDocument,
          ) => {
            const allowed = step.by === null ? cast.filter((p) => allows(p, collection, before, write(p))) : [];
            const by = allowed.length
              ? allowed[step.pick % allowed.length]!
              : cast[(step.by ?? step.pick) % cast.length]!;
            return { by, next: write(by) };
          };
          /** Pushes one row as `me`: accepted exactly when domain/permissions allows it. */
          const push = async (me: Person, collection: Collection, next: SyncDocument, before: SyncDocument | null) => {
            const answer = await pushAs(server.url, me.token, collection, [
              { newDocumentState: next, assumedMasterState: before },
            ]);
            expect(answer.status, answer.text).toBe(200);
            const body = answer.body as PushResponse;
            const masters = body.rejected.flatMap((r) => (r.master ? [r.master] : []));
            expectNothingUnreadable(me, collection, [...body.conflicts, ...masters], 'is answered');
            const actor = actorOf(me);
            const allowed = allows(me, collection, before, next);
            expect(
              { conflicts: body.conflicts.length, rejected: body.rejected.map((r) => r.code) },
              `${me.key} ${JSON.stringify(actor)} writes ${collection} as domain/permissions says`,
            ).toEqual({ conflicts: 0, rejected: allowed ? [] : ['permission.denied'] });
            return allowed;
          };
          const keysOf = (ownerIndex: number, teamIndex: number) => ({
            ownerId: ownerIndex < cast.length ? cast[ownerIndex]!.id : '',
            teamId: teamIndex === 0 ? teamIds.X : teamIndex === 1 ? teamIds.Y : '',
          });

          for (const step of steps) {
            switch (step.kind) {
              case 'create': {
                const n = ++markers;
                const keys = keysOf(step.owner, step.team);
                const id = uuidv7();
                const { by, next: doc } = authorOf(
                  step,
                  step.collection,
                  null,
                  (p) =>
                    ({
                      ...createRecord(step.collection, id, newBody(step.collection, n, keys) as never, stamp(p.id)),
                      _deleted: false,
                    }) as SyncDocument,
                );
                log.push(`${by.key} creates ${step.collection} #${n} ${JSON.stringify(keys)}`);
                if (await push(by, step.collection, doc, null)) {
                  versions.set(n, { collection: step.collection, doc, readers: new Set() });
                  const record = { collection: step.collection, current: doc, version: n };
                  records.push(record);
                  ownRecords.push(record);
                }
                break;
              }
              case 'reassign': {
                if (!ownRecords.length) break;
                const record = ownRecords[step.record % ownRecords.length]!;
                const n = ++markers;
                const keys = keysOf(step.owner, step.team);
                clock.receive(record.current.hlc);
                const patch = { ...markedFields(record.collection, n), ...keys };
                const { by, next } = authorOf(
                  step,
                  record.collection,
                  record.current,
                  (p) =>
                    ({
                      ...editRecord(
                        record.collection,
                        record.current as CollectionDocs[Collection],
                        patch as never,
                        stamp(p.id),
                      )!,
                      _deleted: false,
                    }) as SyncDocument,
                );
                log.push(`${by.key} hands ${record.collection} #${record.version} to ${JSON.stringify(keys)} as #${n}`);
                if (await push(by, record.collection, next, record.current)) {
                  // The version it replaces is no longer anyone's to see from now on.
                  noteReaders();
                  versions.set(n, { collection: record.collection, doc: next, readers: new Set() });
                  Object.assign(record, { current: next, version: n });
                }
                break;
              }
              case 'moveTeam': {
                const who = cast[step.person]!;
                const teamId = step.team === 0 ? teamIds.X : teamIds.Y;
                noteReaders();
                await changeUser(server.url, owner.accessToken, who.id, { teamId });
                who.teamId = teamId;
                who.token = (await signIn(server.url, who.email)).accessToken;
                log.push(`${who.key} moves to ${step.team === 0 ? 'X' : 'Y'}`);
                break;
              }
              case 'changeRole': {
                const who = cast[step.person]!;
                const role = ROLES[step.role]!;
                noteReaders();
                await changeUser(server.url, owner.accessToken, who.id, { role });
                who.role = role;
                who.token = (await signIn(server.url, who.email)).accessToken;
                log.push(`${who.key} becomes ${role}`);
                break;
              }
              case 'pull': {
                // A device that stays signed in: it continues from its own checkpoint.
                const me = cast[step.person]!;
                const key = `${me.id}/${step.collection}`;
                const pulled = await pullAs(me, step.collection, devices.get(key) ?? 0, 'pulls as a device');
                devices.set(key, pulled.checkpoint);
                log.push(`${me.key} pulls ${step.collection}`);
                break;
              }
            }
            seqs.push(await server.store.currentSeq());
          }

          const froms = [...new Set([0, ...checkpoints.map((c) => seqs[c % seqs.length]!)])];
          for (const me of cast) {
            for (const collection of COLLECTIONS) {
              for (const from of froms) await pullAs(me, collection, from, `pulls from ${from}`);
            }
          }
        }),
        { numRuns: RUNS },
      );
      expect(versions.size, 'the histories wrote records').toBeGreaterThan(0);
    });
  });
}
