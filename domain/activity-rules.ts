import { domainError, type DomainError } from './errors';
import { MAX_ACTIVITY_SUBJECT_LENGTH, type Activity } from './schemas/activity';
import type { IsoDateTime } from './time';

/**
 * What an activity's own fields must hold, whoever writes them: a subject that is more than spaces
 * and not too long (the schema counts a subject of spaces as present). With `before`, only a
 * changed subject is judged, so an activity stored before this rule can still be edited.
 */
export function checkActivityFields(
  after: Pick<Activity, 'subject'>,
  before: Pick<Activity, 'subject'> | null,
): DomainError[] {
  if (before && before.subject === after.subject) return [];
  if (!after.subject.trim()) return [domainError('activity.subjectRequired', 'an activity needs a subject')];
  if ([...after.subject].length > MAX_ACTIVITY_SUBJECT_LENGTH) {
    return [
      domainError('activity.subjectTooLong', `a subject has at most ${MAX_ACTIVITY_SUBJECT_LENGTH} characters`, {
        max: MAX_ACTIVITY_SUBJECT_LENGTH,
      }),
    ];
  }
  return [];
}

/**
 * Marking an activity done or not: done stamps when (`at`, the device's now), not done clears it.
 * Null when it already is as asked, so marking a done call done again keeps the time it was done.
 */
export function activityDonePatch(
  activity: Pick<Activity, 'completedAt'>,
  done: boolean,
  at: IsoDateTime,
): Pick<Activity, 'completedAt'> | null {
  if (done === (activity.completedAt !== null)) return null;
  return { completedAt: done ? at : null };
}
