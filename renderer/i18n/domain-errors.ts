import type { TFunction } from 'i18next';
import type { DomainError } from '@domain/errors';

/** A rule violation from domain/ in the user's language (the English message is the fallback). */
export function describeDomainError(t: TFunction, error: DomainError): string {
  return t(`errors.${error.code}`, { ...(error.params ?? {}), defaultValue: error.message });
}

export function describeDomainErrors(t: TFunction, errors: readonly DomainError[]): string[] {
  return errors.map((e) => describeDomainError(t, e));
}
