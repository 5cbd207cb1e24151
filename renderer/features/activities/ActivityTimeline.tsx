import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRxQuery } from '../../db/use-rx';
import { LogCallDialog } from './LogCallDialog';

/** A record's activities, newest first, with a quick "log a call". */
export function ActivityTimeline({
  links,
}: {
  links: { dealId?: string; contactId?: string; companyId?: string; leadId?: string };
}) {
  const { t, i18n } = useTranslation();
  const [logging, setLogging] = useState(false);
  const [field, value] = links.dealId
    ? (['dealId', links.dealId] as const)
    : links.leadId
      ? (['leadId', links.leadId] as const)
      : links.contactId
        ? (['contactId', links.contactId] as const)
        : (['companyId', links.companyId ?? ''] as const);
  // Ascending by the index, reversed here: a record has few activities; `desc` sorts are slow in RxDB.
  const { docs } = useRxQuery('activities', {
    selector: { [field]: value, deletedAt: null } as never,
    sort: [{ dueAt: 'asc' }],
    limit: 200,
  });
  const items = [...docs].reverse();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="drawer-section" aria-label={t('activities.timeline')}>
      <div className="section-heading">
        <h3>{t('activities.timeline')}</h3>
        <button type="button" className="btn btn-small" onClick={() => setLogging(true)}>
          {t('activities.logCall')}
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted">{t('activities.none')}</p>
      ) : (
        <ol className="timeline">
          {items.map((a) => (
            <li key={a.id}>
              <span>
                <strong>{t(`activities.types.${a.type}`)}</strong> · {a.subject}
                {a.type === 'CALL' && a.outcome ? ` · ${t(`activities.outcomes.${a.outcome}`)}` : ''}
                {a.durationSeconds
                  ? ` · ${t('activities.minutes', { count: Math.round(a.durationSeconds / 60) })}`
                  : ''}
              </span>
              <time className="muted" dateTime={a.dueAt}>
                {format.format(new Date(a.dueAt))}
              </time>
            </li>
          ))}
        </ol>
      )}
      {logging && <LogCallDialog links={links} onClose={() => setLogging(false)} />}
    </section>
  );
}
