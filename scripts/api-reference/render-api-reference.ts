import { AUTH_LIMITS, LOCAL_KEY_HEADER, SCOPE_KEY_HEADER } from '../../domain/auth-protocol';
import { COLLECTION_DOCS } from '../../domain/collection-docs';
import {
  EXAMPLE_PIPELINE_ID,
  EXAMPLE_STAGE_ID,
  EXAMPLE_TEAM_ID,
  EXAMPLE_USER_ID,
} from '../../domain/collection-docs/example-ids';
import {
  APPEND_ONLY_COLLECTIONS,
  COLLECTION_NAMES,
  COLLECTION_SCHEMAS,
  type CollectionName,
} from '../../domain/collections';
import { DEFAULT_PIPELINE_ID, DEFAULT_TEAM_ID, SETTING_IDS, defaultPipeline } from '../../domain/default-records';
import { MAX_CLOCK_DRIFT_MS } from '../../domain/hlc';
import { MAX_LOST_EDITS } from '../../domain/lost-edits';
import { PERMISSIONS, type Action } from '../../domain/permissions';
import { rankBetween } from '../../domain/ranks';
import { DERIVED_FIELDS, SYSTEM_FIELDS } from '../../domain/record-edits';
import { TYPED_DATE_YEARS_AHEAD } from '../../domain/record-times';
import { removalStub } from '../../domain/removal-stub';
import { ROLES } from '../../domain/schemas/user-profile';
import { SYNC_LIMITS } from '../../domain/sync-protocol';
import { ERROR_CODES, REJECTION_CODES } from './error-codes';
import { anchor, code, jsonExample, table } from './markdown';
import { ROUTE_DOCS, type Part, type RouteDoc } from './route-docs';
import { constraintsOf, fieldRows, typeOf, type SchemaLike } from './schema-fields';

const ACTIONS: readonly Action[] = ['read', 'create', 'update', 'delete', 'reassign', 'convert', 'close'];

/** The field table of a schema, with the descriptions of `fields` by path. */
function fieldTable(schema: SchemaLike, fields: Readonly<Record<string, string>> = {}, prefix = ''): string {
  const rows = fieldRows(schema.type === 'array' && schema.items ? schema.items : schema, prefix);
  if (!rows.length) return '';
  return table(
    ['field', 'type', 'required', 'format and limits', 'description'],
    rows.map((row) => [
      `\`${row.path}\``,
      typeOf(row.schema),
      row.required ? 'yes' : 'no',
      constraintsOf(row.schema),
      fields[row.path] ?? '',
    ]),
  );
}

function partSection(title: string, part: Part | undefined, exampleName: string): string[] {
  if (!part) return [];
  const out = [`**${title}**`];
  if (part.note) out.push(part.note);
  if (part.schema) {
    const schema = part.schema as SchemaLike;
    const isList = schema.type === 'array';
    const rows = fieldTable(schema, part.fields, isList ? '[].' : '');
    if (isList) out.push('A JSON array of:');
    if (rows) out.push(rows);
  }
  if (part.example !== undefined) {
    out.push(typeof part.example === 'string' ? code('text', part.example) : jsonExample(exampleName, part.example));
  }
  return out;
}

function routeSection(route: RouteDoc): string {
  const name = `${route.method} ${route.path}`;
  const out = [`### ${name}`, route.summary, `**Who:** ${route.who}`];
  if (route.headers) {
    out.push(
      table(
        ['request header', 'value'],
        Object.entries(route.headers).map(([h, text]) => [`\`${h}\``, text]),
      ),
    );
  }
  out.push(...partSection('Path parameters', route.params, `${name} params`));
  out.push(...partSection('Query', route.query, `${name} query`));
  out.push(...partSection('Body', route.body, `${name} request`));
  for (const response of route.responses) {
    out.push(...partSection(`Response ${response.status}`, response, `${name} response ${response.status}`));
  }
  if (route.errors.length) {
    out.push(
      `**Errors:** ${route.errors.map((c) => `${ERROR_CODES[c as keyof typeof ERROR_CODES]?.status ?? ''} \`${c}\``).join(', ')}.`,
    );
  }
  if (route.notes?.length) out.push(route.notes.map((n) => `- ${n}`).join('\n'));
  return out.join('\n\n');
}

function permissionTable(collection: CollectionName): string {
  const reachWords: Record<string, string> = {
    all: 'all',
    team: 'team',
    own: 'own',
    ownOrUnassigned: 'own or unassigned',
    ownOrShared: 'own or shared with their team',
  };
  return table(
    ['role', ...ACTIONS],
    ROLES.map((role) => [
      role,
      ...ACTIONS.map((action) => reachWords[PERMISSIONS[role][collection][action] ?? ''] ?? '—'),
    ]),
  );
}

function collectionSection(collection: CollectionName): string {
  const doc = COLLECTION_DOCS[collection];
  const schema = COLLECTION_SCHEMAS[collection];
  const out = [
    `### ${collection}`,
    doc.summary,
    `Schema version ${schema.version}${APPEND_ONLY_COLLECTIONS.has(collection) ? '; append-only' : ''}. Push to \`POST /sync/${collection}/push\`, pull from \`GET /sync/${collection}/pull\`.`,
    '**Fields**',
    fieldTable(schema as SchemaLike, doc.fields),
    '**Who may do what** (reach per action, see "Permissions")',
    permissionTable(collection),
    '**Rules**',
    doc.rules.map((rule) => `- ${rule}`).join('\n'),
    '**Example**',
    jsonExample(collection, doc.example),
  ];
  return out.join('\n\n');
}

const errorTable = () =>
  table(
    ['status', 'code', 'meaning'],
    Object.entries(ERROR_CODES)
      .sort(([a, x], [b, y]) => x.status - y.status || a.localeCompare(b))
      .map(([c, e]) => [String(e.status), `\`${c}\``, e.meaning]),
  );

function overview(): string {
  const skewMinutes = MAX_CLOCK_DRIFT_MS / 60_000;
  return `## Overview

### Base URL

Every path below is relative to the server’s address: \`https://crm.example.com\` for a team server
(\`npm run server -- --auth team …\`), \`http://127.0.0.1:<port>\` for the single-user server the
desktop app or \`npm start\` runs on the same machine. A server on another machine is reached over
https only; plain http is for loopback (docs/security.md, "Which server a device talks to").

### Signing in

1. \`GET /auth/status\` says the mode. In \`team\` mode with \`needsSetup: true\`, \`POST /auth/setup\`
   creates the first user — a Sales Manager in the default team — and the default pipeline and
   settings, and signs them in. Everyone else is added by a Sales Manager (\`POST /admin/users\`) and
   signs in with \`POST /auth/login\`.
2. In \`single-user\` mode (the desktop app’s own server) \`POST /auth/local-session\` signs in the
   owner without a password, from the same machine only, with the launch key in
   \`${LOCAL_KEY_HEADER}\` (docs/security.md, "The launch key").
3. Each of these answers a **session grant**: an access token (a JWT, ${AUTH_LIMITS.accessTokenSeconds / 60} minutes), a refresh token
   (${AUTH_LIMITS.refreshTokenDays} days, single use) and the user’s scope key.
4. Send \`Authorization: Bearer <accessToken>\` on every \`/sync/*\` and \`/admin/*\` request and on
   \`GET /auth/me\` — the change stream included. A token in the URL is never read (401 \`auth.required\`).
5. Before the access token expires, or when a request answers 401 \`auth.invalidToken\`, trade the
   refresh token at \`POST /auth/refresh\` for a new grant and keep the new refresh token: the old one
   is used up (rotation). Presented again within ${AUTH_LIMITS.refreshGraceSeconds} seconds it gets the same successor; later it is
   taken for a stolen copy and the whole session ends. 401 \`auth.refreshInvalid\`: sign in again.
6. \`POST /auth/logout\` with the refresh token ends the session.

The access token is an HS256 JWT signed by the server (\`jose\`): header \`typ: at+jwt\` and a key id
\`kid\` (the server rotates its keys), claims \`sub\` (the user id), \`role\`, \`team\`, \`ver\` (the
account’s token version: a change of password, role or team, or a deactivation, ends every token
issued before), \`iat\`, \`exp\`. Treat it as opaque: the server loads the user on every request and
acts on their role and team *now*, whatever the token says (docs/security.md).

### Headers

| header | where | meaning |
| --- | --- | --- |
| \`Authorization: Bearer <accessToken>\` | request | every \`/sync/*\`, \`/admin/*\` and \`GET /auth/me\` |
| \`Content-Type: application/json\` | request | every request with a body |
| \`Content-Encoding: gzip\` | request | optional, for large pushes |
| \`Accept-Encoding: gzip\` | request | optional: answers over 2 KiB are then gzip-compressed |
| \`${LOCAL_KEY_HEADER}\` | request | the launch key, \`POST /auth/local-session\` only |
| \`Host\` | request | a single-user server answers only its own loopback names with its port (else 421 \`request.wrongHost\`) |
| \`${SCOPE_KEY_HEADER}\` | response | every pull: the user’s scope key now |
| \`Retry-After\` | response | 429 \`auth.rateLimited\` and 503 \`auth.busy\`: seconds to wait |

Browsers: a team server allows the origins \`app://outpost\` and \`http://127.0.0.1:<port>\`,
\`http://localhost:<port>\` (CORS, preflight \`OPTIONS\`); a single-user server only \`app://outpost\`.
Every \`GET\` route also answers \`HEAD\`.

### Bodies

Every body is JSON: a request body of another type (or a push without one) is answered 415
\`request.unsupportedMediaType\`, and text that is not JSON 400 \`request.malformedJson\`. A body may
be gzip-compressed (\`Content-Encoding: gzip\`); gzip is the only encoding decoded — any other is
refused with 415 \`request.unsupportedEncoding\`, and a corrupt gzip body with 400
\`request.badEncoding\`. The size limit applies to the decompressed bytes.

### Errors

Every error answer has one shape; the \`code\` is stable, the \`message\` is English for people, and
\`details\` is present only where said:

${jsonExample('error', { error: { code: 'auth.invalidToken', message: 'the access token is not valid or has expired: refresh it' } })}

A 4xx is the client’s to fix; a 500 \`server.error\` is ours and safe to retry. Every code:

${errorTable()}

A push answers 200 even when rows are refused: see [the push](#${anchor('POST /sync/:collection/push')}) and [rejection codes](#rejection-codes).

### Limits

| limit | value |
| --- | --- |
| rows per push | ${SYNC_LIMITS.maxPushRows} |
| request body, after decompression | ${SYNC_LIMITS.maxBodyBytes / 1024 / 1024} MiB (\`request.tooLarge\`) |
| documents per pull page | 1–${SYNC_LIMITS.maxPullLimit}, default ${SYNC_LIMITS.defaultPullLimit} |
| clock skew (\`hlc\`, field clocks and stamped times ahead of the server) | ${skewMinutes} minutes |
| typed dates (\`expectedCloseDate\`, \`dueAt\`) | 1970-01-01 to ${TYPED_DATE_YEARS_AHEAD} years from now |
| \`lostEdits\` entries per record | ${MAX_LOST_EDITS} |
| access token | ${AUTH_LIMITS.accessTokenSeconds / 60} minutes |
| refresh token | ${AUTH_LIMITS.refreshTokenDays} days, single use; ${AUTH_LIMITS.refreshGraceSeconds} s grace for a repeat |
| password | ${AUTH_LIMITS.minPasswordLength}–${AUTH_LIMITS.maxPasswordLength} characters |
| failed sign-ins | ${AUTH_LIMITS.loginAttemptsPerAccount} per account and ${AUTH_LIMITS.loginAttemptsPerAddress} per address within ${AUTH_LIMITS.loginWindowSeconds / 60} minutes (429 \`auth.rateLimited\`) |
| password checks at once | one per server core beyond the first, 16 waiting; beyond, 503 \`auth.busy\` with \`Retry-After\` |`;
}

function conventions(): string {
  const skewMinutes = MAX_CLOCK_DRIFT_MS / 60_000;
  const stub = removalStub('deals', COLLECTION_DOCS.deals.example.id, '001741366000000-00003-ana01');
  const pipeline = defaultPipeline();
  const clockless = [...SYSTEM_FIELDS].filter((f) => !f.startsWith('_'));
  return `## Conventions

The examples are written by one user; a client replaces these ids with its own:

${jsonExample('example-ids', { user: EXAMPLE_USER_ID, team: EXAMPLE_TEAM_ID, pipeline: EXAMPLE_PIPELINE_ID, stage: EXAMPLE_STAGE_ID })}

### Ids

Every record id is a UUIDv7 (RFC 9562) made by the device that creates the record, written in
lower case as 8-4-4-4-12 hex digits: 48 bits of Unix milliseconds, the version nibble \`7\`, the
variant bits \`10\`, then random bits. A record made offline keeps its id forever.

${code(
  'js',
  `function uuidv7(ms = Date.now()) {
  const b = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return \`\${h.slice(0, 8)}-\${h.slice(8, 12)}-\${h.slice(12, 16)}-\${h.slice(16, 20)}-\${h.slice(20)}\`;
}`,
)}

Fixed ids: every server creates, at setup, the default pipeline \`${DEFAULT_PIPELINE_ID}\` ("${pipeline.name}", stages
${pipeline.stages.map((s) => `"${s.name}" \`${s.id}\``).join(', ')}), the default team \`${DEFAULT_TEAM_ID}\` and one
settings record per kind (${Object.entries(SETTING_IDS)
    .map(([kind, id]) => `\`${kind}\` \`${id}\``)
    .join(', ')}).

### Times, dates and money

- A time is a UTC ISO-8601 string with milliseconds, as \`Date.prototype.toISOString()\` writes it:
  \`2025-03-04T14:22:10.512Z\`. Times a device stamps (\`createdAt\`, \`updatedAt\`, \`deletedAt\`,
  \`closedAt\`, \`stageEnteredAt\`, \`qualifiedAt\`, \`convertedAt\`, \`completedAt\`, \`at\`) lie between
  1970 and now plus ${skewMinutes} minutes (\`record.timeOutOfRange\`).
- A calendar date is \`YYYY-MM-DD\` (\`expectedCloseDate\`), \`""\` for none. Dates a person types
  (\`expectedCloseDate\`, the day of \`dueAt\`) lie between 1970-01-01 and ${TYPED_DATE_YEARS_AHEAD} years from now (\`record.dateOutOfRange\`).
- Money is \`{ "amount": <integer>, "currency": "USD" }\`: the amount in the currency’s minor units
  (cents: \`1250000\` is $12,500.00), the currency an ISO 4217 code. Never a float.

### No link is \`""\`

A reference to another record (\`companyId\`, \`contactId\`, \`ownerId\`, \`teamId\`, \`createdBy\`…) is
the record’s id, or the empty string \`""\` when there is none — never \`null\` and never absent:
the app’s local database cannot index optional or null fields. Nullable values are times
(\`deletedAt\`, \`closedAt\`…) and a few numbers (\`probability\`, \`estimatedValue\`). Links to
contacts, companies and deals are accepted whether or not the server has the linked record yet
(it may be on its way from another device); a deal’s pipeline must exist unless the writer may
create pipelines.

### Versions and clocks

Every record carries \`hlc\`, the hybrid logical clock of its last edit, and \`clocks\`, the clock of
each field edited since creation. An HLC is a string
\`<15-digit wall-clock ms>-<5-digit counter>-<node>\`, pattern \`^\\d{15}-\\d{5}-[0-9a-z]{1,32}$\`:
\`001741098130512-00000-ana01\`. String order is clock order. \`node\` names the device (pick one
per installation, \`[0-9a-z]\`, at most 32 characters, and keep it: the device recognises its own
lost edits by it).

${code(
  'js',
  `let last = { ms: 0, counter: 0 };             // persist it with the device's data
function tick() {                               // the clock of a new local edit
  const now = Date.now();
  last = now > last.ms ? { ms: now, counter: 0 } : { ms: last.ms, counter: last.counter + 1 };
  return \`\${String(last.ms).padStart(15, '0')}-\${String(last.counter).padStart(5, '0')}-\${NODE}\`;
}
function receive(hlc) {                         // absorb every pulled or answered hlc
  const [ms, counter] = hlc.split('-').map(Number);
  if (ms > last.ms || (ms === last.ms && counter > last.counter)) last = { ms, counter };
}`,
)}

The rules a write must keep (the server refuses the row otherwise):

- **Creating** a record: \`hlc\` is a fresh clock, \`clocks\` is \`{}\`, \`createdAt\` = \`updatedAt\` = now,
  \`createdBy\` = \`updatedBy\` = the signed-in user, \`deletedAt: null\`.
- **Editing** fields: one fresh clock \`c\` per edit; for each field whose value really changes,
  \`clocks[field] = c\`; then \`hlc = c\`, \`updatedAt\` = now, \`updatedBy\` = the user. \`createdAt\` and
  \`createdBy\` never change (\`record.immutableField\`).
- A fresh clock is later than every clock the device has seen: absorb the \`hlc\` of every document
  you pull or receive in a conflict. The server refuses an \`hlc\` or field clock more than
  ${skewMinutes} minutes ahead of its own clock (\`record.clockAhead\`).
- \`clocks\` holds only fields of the collection that edits stamp — never ${clockless.map((f) => `\`${f}\``).join(', ')} nor the
  derived ${[...DERIVED_FIELDS].map((f) => `\`${f}\``).join(', ')} (\`record.clockOfUnknownField\`) — and no clock later than the record’s
  \`hlc\` (\`record.invalidFieldClock\`). A field missing from \`clocks\` has the empty clock, older than
  any edit.

### Conflicts: the merge a client must do

A push row whose \`assumedMasterState\` is not the server’s current version (compared by \`hlc\` and
\`_deleted\`) is answered in \`conflicts\` with the server’s document. Merge it with your version,
field by field:

1. If the server’s document is a removal (\`_deleted: true\`) or the collection is append-only
   (\`stage_changes\`), adopt the server’s document as it is: nothing to push.
2. Otherwise, for every field except ${clockless.map((f) => `\`${f}\``).join(', ')} and the derived keys: the side whose
   \`clocks[field]\` is later wins (a missing clock is \`""\`, the oldest; on equal clocks the side
   whose value’s JSON sorts later). A field changed on one side only therefore keeps that change.
3. If every field took the server’s value and clock, adopt the server’s document: nothing to push.
4. Else the merged document: the server’s document with the winning fields and their clocks,
   \`lostEdits\` as below, \`nameKey\`/\`titleKey\` recomputed, \`updatedAt\`/\`updatedBy\` of whichever side
   has the later \`updatedAt\`, and a fresh \`hlc\` later than both sides’. Push it with the server’s
   document as \`assumedMasterState\`.
5. Tell your user about each of their unsynced edits that lost (field, theirs, mine).

**\`lostEdits\`.** When one of your fields wins over an edit of the server’s document that yours had
not seen — its clock is not empty, its value differs from yours, it is later than that field’s
clock in your assumed state, and it was made on another node — add \`{ "field", "clock" }\` of the
losing edit to the merged document’s \`lostEdits\`: the union of both sides’ lists and the new
entries, sorted by clock, newest first (then by field), cut to the ${MAX_LOST_EDITS} newest. Omit the member when the
list is empty. On every document you pull or receive in a conflict, entries whose clock carries
*your* node and whose field still holds exactly that clock locally are your edits that another
device replaced after the server had accepted them: tell your user. [The sync protocol](sync-protocol.md#the-devices-side)
tells the whole story.

### Removals

A pulled document with \`_deleted: true\` is a removal: drop your copy. It is sent for records the
server removed (saved views) and for records that left the user’s sight (reassigned, moved to
another team). A removal says nothing of the record: it carries the \`id\`, the \`hlc\` of the last
version the user could see and \`_deleted: true\`; every other field holds a fixed neutral value
(empty text, zero money in currency \`XXX\`, empty lists, \`1970-01-01T00:00:00.000Z\`, an enum’s first
value, \`""\` references) that only keeps it valid against the schema. The same stub is a conflict’s
or a rejection’s \`master\` for such a record. A removal of the example deal:

${jsonExample('removal of deals', stub)}

### Archiving (\`deletedAt\`) and removing (\`_deleted\`)

\`deletedAt\` is the user’s soft delete: a time, undone by setting it back to \`null\`, merged like any
field and pushed like any edit (it needs the \`delete\` permission). \`_deleted\` is the protocol’s
removal flag: a device pushes \`_deleted: true\` only for a saved view it removes; for any other
collection the row is refused (\`record.hardDeleteForbidden\`). Pushed documents carry
\`_deleted: false\`.

### Derived keys: \`nameKey\` and \`titleKey\`

Lists sort and search by lower-cased, accent-free keys the writer computes on every write, merges
included: companies \`nameKey = searchKey(name)\` (at most 200 characters); contacts and leads
\`nameKey = searchKey(lastName + " " + firstName)\` (201); deals \`titleKey = searchKey(title)\` (200).

${code(
  'js',
  `const searchKey = (text) =>
  text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().replace(/\\s+/g, ' ').trim();
// searchKey('Núñez Pérez Lucía') === 'nunez perez lucia'`,
)}

### Ranks

A deal’s \`rank\` orders the cards of a stage column: strings compared as plain strings, made of the
digits \`0123456789abcdefghijklmnopqrstuvwxyz\` (base 36) and never ending in \`0\`, so there is always
room between two. To drop a card between \`before\` and \`after\` (\`null\` for an open end), make a key
strictly between them — one record changes, not the column:

${code(
  'js',
  `const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
function rankBetween(before, after) {
  const lo = before ?? '';
  let hi = after, result = '';
  for (let i = 0; ; i++) {
    const low = i < lo.length ? DIGITS.indexOf(lo[i]) : 0;
    const high = hi !== null && i < hi.length ? DIGITS.indexOf(hi[i]) : 36;
    if (high - low > 1) return result + DIGITS[Math.floor((low + high) / 2)];
    result += DIGITS[low];
    if (high - low === 1) hi = null;
  }
}`,
)}

So \`rankBetween(null, null)\` is \`${rankBetween(null, null)}\`, \`rankBetween('i', null)\` is \`${rankBetween('i', null)}\`, \`rankBetween(null, 'i')\` is
\`${rankBetween(null, 'i')}\`, and \`rankBetween('i', 'j')\` is \`${rankBetween('i', 'j')}\`.

### Schema versions

Each collection’s schema has a version (below, with each collection). A device that writes an older
version says so with \`?schemaVersion=<n>\` on its pushes; the server migrates its rows with the same
migrations the app runs (\`domain/migrations.ts\`) and answers a version newer than its own with 409
\`schema.newerThanServer\`. Pulls always return the server’s version. Current versions:
${COLLECTION_NAMES.map((c) => `\`${c}\` ${COLLECTION_SCHEMAS[c].version}`).join(', ')}.

### Scope changes

The scope key (in every grant and every pull’s \`${SCOPE_KEY_HEADER}\` header) changes when what the user may see
changes: role, team, who is in their team. Records that entered their sight may be older than the
device’s checkpoints, so a device that sees a new key pushes its pending changes, empties its copies
and checkpoints, and pulls everything again.

### Permissions

Each collection below lists, per role, the *reach* of each action: \`all\` records; \`team\` — owned by
anyone now in the user’s team or marked with their team; \`own\`; \`own or unassigned\` (\`ownerId: ""\`);
\`own or shared with their team\` (their own, or marked with their team);
— for nothing. Actions: read (pull), create, update, delete (archive with \`deletedAt\`), reassign
(change \`ownerId\` or \`teamId\`), convert (a lead to CONVERTED), close (a deal into or out of WON and
LOST). A new or reassigned record must also land where the user may create it. For saved views the
owner is \`userId\` and the team \`sharedWithTeamId\`; for users, the user themselves and their team.
Pulls return only what the user may read; a forbidden push row is refused alone with
\`permission.denied\` (docs/security.md).`;
}

function rejectionCodes(): string {
  return `### Rejection codes

\`rejected[].code\` of a push answer. The rest of the batch is written.

${table(
  ['code', 'meaning'],
  Object.entries(REJECTION_CODES).map(([c, meaning]) => [`\`${c}\``, meaning]),
)}`;
}

/** docs/api.md, whole. */
export function renderApiReference(): string {
  const parts = [
    `# Outpost API reference

<!-- Generated by \`npm run docs:api\` from the route schemas (sync-server/), the collection schemas
(domain/schemas/) and their hand-written parts (domain/collection-docs/). Do not edit by hand. -->

Everything a client of the Outpost sync server needs: signing in, the replication endpoints, every
collection’s fields and rules. [The sync protocol](sync-protocol.md) tells the same story as
narrative, with the reasons; [security](security.md) covers accounts, tokens and permissions in
depth.

- [Overview](#overview)
- [Conventions](#conventions)
- [Endpoints](#endpoints)
- [Collections](#collections)`,
    overview(),
    conventions(),
    [
      '## Endpoints',
      ROUTE_DOCS.map((r) => `- [${r.method} ${r.path}](#${anchor(`${r.method} ${r.path}`)})`).join('\n'),
      ...ROUTE_DOCS.map(routeSection),
      rejectionCodes(),
    ].join('\n\n'),
    ['## Collections', ...COLLECTION_NAMES.map(collectionSection)].join('\n\n'),
  ];
  return `${parts.join('\n\n')}\n`;
}
