import { AUTH_LIMITS, LOCAL_KEY_HEADER, type AuthErrorCode } from '../../domain/auth-protocol';
import { MAX_CLOCK_DRIFT_MS } from '../../domain/hlc';
import type { RejectionCode } from '../../domain/sync-protocol';
import { SYNC_LIMITS } from '../../domain/sync-protocol';

export interface ErrorDoc {
  status: number;
  meaning: string;
}

type RequestErrorCode =
  | 'request.invalid'
  | 'request.malformedJson'
  | 'request.badEncoding'
  | 'request.unsupportedEncoding'
  | 'request.unsupportedMediaType'
  | 'request.tooLarge'
  | 'request.wrongHost'
  | 'route.notFound'
  | 'collection.unknown'
  | 'schema.newerThanServer'
  | 'server.error'
  | 'server.closing'
  | 'store.unavailable';

/** Every `error.code` of an error response, with its status. Typed, so a new auth code must be added. */
export const ERROR_CODES: { readonly [K in RequestErrorCode | AuthErrorCode]: ErrorDoc } = {
  'request.invalid': {
    status: 400,
    meaning: 'A parameter, the query or the body’s shape is wrong; the message says which.',
  },
  'request.malformedJson': {
    status: 400,
    meaning: 'The body is not JSON (or holds a `__proto__` / `constructor.prototype` key).',
  },
  'request.badEncoding': { status: 400, meaning: 'A gzip body that does not decompress.' },
  'request.unsupportedEncoding': { status: 415, meaning: 'A `Content-Encoding` other than `gzip` (or `identity`).' },
  'request.unsupportedMediaType': {
    status: 415,
    meaning: 'A body that is not `application/json`, or a push without a body.',
  },
  'request.tooLarge': {
    status: 413,
    meaning: `The body is over ${SYNC_LIMITS.maxBodyBytes / 1024 / 1024} MiB after decompression: push fewer rows at once.`,
  },
  'request.wrongHost': {
    status: 421,
    meaning:
      'Single-user server only: the `Host` header is not one of its loopback names (127.0.0.1, localhost, [::1]) with its port.',
  },
  'route.notFound': { status: 404, meaning: 'No such endpoint.' },
  'collection.unknown': { status: 404, meaning: 'No such collection in `/sync/:collection/…`.' },
  'schema.newerThanServer': {
    status: 409,
    meaning: 'The push’s `schemaVersion` is newer than the server’s: update the server.',
  },
  'server.error': { status: 500, meaning: 'The server failed; nothing was half-done: retry.' },
  'server.closing': { status: 503, meaning: 'The server is restarting: retry in a moment.' },
  'store.unavailable': { status: 503, meaning: 'The database does not answer: retry.' },
  'auth.required': {
    status: 401,
    meaning: 'No access token in `Authorization: Bearer …` (a token in the URL, `?access_token=`, is never read).',
  },
  'auth.invalidToken': {
    status: 401,
    meaning:
      'A malformed, forged or expired access token, or one issued before the user’s password, role, team or status changed: refresh it and retry.',
  },
  'auth.invalidCredentials': { status: 401, meaning: 'Wrong email or password (it never says which).' },
  'auth.refreshInvalid': {
    status: 401,
    meaning: 'The refresh token is unknown, used, revoked or expired: sign in again.',
  },
  'auth.deactivated': { status: 403, meaning: 'The account was deactivated: nothing more is served to it.' },
  'auth.rateLimited': {
    status: 429,
    meaning: `Too many failed sign-ins (${AUTH_LIMITS.loginAttemptsPerAccount} per account, ${AUTH_LIMITS.loginAttemptsPerAddress} per address, in ${AUTH_LIMITS.loginWindowSeconds / 60} minutes): wait \`Retry-After\` seconds.`,
  },
  'auth.setupDone': { status: 409, meaning: 'Setup already happened: sign in.' },
  'auth.localOnly': {
    status: 403,
    meaning:
      'A local session on a team server or from another machine; on a single-user server, any request from another machine.',
  },
  'auth.localKeyInvalid': {
    status: 403,
    meaning: `A local session without this launch’s key in \`${LOCAL_KEY_HEADER}\`.`,
  },
  'auth.emailTaken': { status: 409, meaning: 'Another account uses this email (compared without regard to case).' },
  'auth.weakPassword': {
    status: 400,
    meaning: `The password is shorter than ${AUTH_LIMITS.minPasswordLength} or longer than ${AUTH_LIMITS.maxPasswordLength} characters.`,
  },
  'auth.ownerMissing': { status: 503, meaning: 'Single-user mode: the owner is still being created: retry.' },
  'auth.busy': {
    status: 503,
    meaning:
      'Too many passwords are being checked at once: retry after `Retry-After` seconds (nothing was checked or counted).',
  },
  'user.notFound': { status: 404, meaning: '`/admin/users/:id` of nobody.' },
  'permission.denied': { status: 403, meaning: 'The user’s role may not do this.' },
};

const skewMinutes = MAX_CLOCK_DRIFT_MS / 60_000;

/** Why a push row was refused (`rejected[].code`). Typed, so a new rejection code must be added. */
export const REJECTION_CODES: { readonly [K in RejectionCode]: string } = {
  'schema.invalid':
    'The document fails its collection’s schema (the message names the field), or its id is not a UUID.',
  'record.idMismatch': 'The assumed state is of another record than the new state.',
  'record.hardDeleteForbidden': 'A removal (`_deleted: true`) outside `saved_views`: archive with `deletedAt` instead.',
  'record.appendOnly': 'An edit of a stage change, or of a record the server removed.',
  'record.immutableField': '`createdAt`, `createdBy` or a converted lead’s `convertedDealId` changed (`params.field`).',
  'record.clockAhead': `\`hlc\` or a field clock is more than ${skewMinutes} minutes ahead of the server’s clock: fix the device’s time.`,
  'record.invalidFieldClock':
    'A `clocks` entry (or `hlc`) that is not an HLC, or is later than the record’s `hlc` (`params.field`).',
  'record.clockOfUnknownField':
    'A `clocks` entry for a field the collection does not have, or that edits do not stamp (system fields, `nameKey`, `titleKey`).',
  'record.invalidLostEdit': 'A `lostEdits` entry of such a field, or whose clock is not an HLC or is later than `hlc`.',
  'record.dateOutOfRange':
    'A typed date (`expectedCloseDate`, `dueAt`) before 1970-01-01 or more than 50 years ahead (`params.min`, `params.max`).',
  'record.timeOutOfRange': `A stamped time (\`createdAt\`, \`updatedAt\`, \`deletedAt\`, \`closedAt\`, \`stageEnteredAt\`, \`qualifiedAt\`, \`convertedAt\`, \`completedAt\`, \`at\`) before 1970 or more than ${skewMinutes} minutes ahead.`,
  'record.missingReference':
    'Not sent by the server today: links to contacts, companies and deals are accepted before the linked record arrives.',
  'lead.transitionForbidden':
    'The lead’s new status cannot be reached from the stored one (`params.from`, `params.to`).',
  'lead.disqualifyReasonRequired': 'A DISQUALIFIED lead without `disqualifyReason`.',
  'lead.convertNotQualified': 'A CONVERTED lead that was never qualified (`qualifiedAt` null).',
  'lead.conversionIncomplete': 'A CONVERTED lead without `convertedDealId`, `convertedAt` or `contactId`.',
  'lead.notConverted': 'A lead that is not CONVERTED links a converted deal or has a conversion time.',
  'lead.negativeEstimate': '`estimatedValue.amount` below zero.',
  'deal.transitionForbidden': 'Not sent for pushes (every status is reachable); the UI’s single-step refusal.',
  'deal.lostReasonRequired': 'A LOST deal without `lostReason`.',
  'deal.closedAtRequired': 'A WON or LOST deal without `closedAt`.',
  'deal.closedAtOfOpenDeal': 'An OPEN deal with a `closedAt`.',
  'deal.unknownPipeline': 'The deal’s pipeline does not exist (only for writers who may not create pipelines).',
  'deal.stageOfClosedDeal': 'Not sent for pushes; the UI’s refusal to move a closed deal.',
  'deal.unknownStage': 'A new or moved deal’s `stageId` is not a stage of its pipeline.',
  'deal.retiredStage': 'A new or moved deal’s stage is retired.',
  'deal.titleRequired': 'A blank `title`.',
  'deal.titleTooLong': 'A `title` over 200 characters.',
  'deal.negativeValue': '`value.amount` below zero.',
  'deal.invalidCloseDate': '`expectedCloseDate` is not a day of the calendar (2025-02-30).',
  'activity.subjectRequired': 'A changed `subject` of spaces only.',
  'activity.subjectTooLong': 'A changed `subject` over 300 characters (the schema refuses it too).',
  'pipeline.noStages': 'A pipeline without an active stage.',
  'pipeline.duplicateStage': 'A stage id twice, or two active stages of one name (`params.stage`).',
  'money.currencyMismatch': 'A deal line priced in another currency than the deal’s value.',
  'user.invalidKeyBinding':
    'A profile’s `keyBindings` names a command twice, or holds a binding that is not chords a keyboard can type (at most three).',
  'permission.denied':
    'The user’s role may not make this change (create, update, archive, reassign, convert, close), or may no longer read the record (then `master` is null).',
};
