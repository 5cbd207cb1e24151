/**
 * Rule violations as data: a stable code the UI translates (i18n key `errors.<code>`) and the
 * server returns, parameters for the message, and an English message for logs and API clients.
 */
export type DomainErrorCode =
  | 'record.appendOnly'
  | 'record.immutableField'
  | 'record.clockAhead'
  | 'record.invalidFieldClock'
  | 'record.clockOfUnknownField'
  | 'record.invalidLostEdit'
  | 'record.dateOutOfRange'
  | 'record.timeOutOfRange'
  | 'record.missingReference'
  | 'lead.transitionForbidden'
  | 'lead.disqualifyReasonRequired'
  | 'lead.convertNotQualified'
  | 'lead.conversionIncomplete'
  | 'lead.notConverted'
  | 'lead.negativeEstimate'
  | 'deal.transitionForbidden'
  | 'deal.lostReasonRequired'
  | 'deal.closedAtRequired'
  | 'deal.closedAtOfOpenDeal'
  | 'deal.unknownPipeline'
  | 'deal.stageOfClosedDeal'
  | 'deal.unknownStage'
  | 'deal.retiredStage'
  | 'deal.titleRequired'
  | 'deal.titleTooLong'
  | 'deal.negativeValue'
  | 'deal.invalidCloseDate'
  | 'activity.subjectRequired'
  | 'activity.subjectTooLong'
  | 'pipeline.noStages'
  | 'pipeline.duplicateStage'
  | 'money.currencyMismatch'
  | 'user.invalidKeyBinding'
  | 'permission.denied';

export interface DomainError {
  readonly code: DomainErrorCode;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export function domainError(
  code: DomainErrorCode,
  message: string,
  params?: Record<string, string | number>,
): DomainError {
  return params ? { code, message, params } : { code, message };
}

/** A rule check either passes with a value or fails with the reasons. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: DomainError[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(...errors: DomainError[]): Result<T> {
  return { ok: false, errors };
}
