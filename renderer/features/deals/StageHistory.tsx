import { useTranslation } from 'react-i18next';
import { findStage } from '@domain/pipeline-rules';
import type { Deal } from '@domain/schemas/deal';
import type { Pipeline } from '@domain/schemas/pipeline';
import type { StageChange } from '@domain/schemas/stage-change';
import { useRxQuery } from '../../db/use-rx';

/** The deal's append-only timeline of stage moves and status changes, oldest first. */
export function StageHistory({ deal, pipeline }: { deal: Deal; pipeline: Pipeline | undefined }) {
  const { t, i18n } = useTranslation();
  const { docs } = useRxQuery('stage_changes', { selector: { dealId: deal.id }, sort: [{ at: 'asc' }], limit: 200 });
  const stageName = (id: string) => (pipeline && findStage(pipeline, id)?.name) || '—';
  const describe = (c: StageChange) => {
    if (!c.fromStageId && !c.fromStatus) return t('deals.historyCreated', { stage: stageName(c.toStageId) });
    if (c.fromStatus !== c.toStatus) {
      return c.toStatus === 'OPEN'
        ? t('deals.historyReopened')
        : t('deals.historyStatus', { status: t(`deals.status.${c.toStatus}`) });
    }
    return t('deals.historyMoved', { from: stageName(c.fromStageId), to: stageName(c.toStageId) });
  };
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="drawer-section" aria-label={t('deals.history')}>
      <h3>{t('deals.history')}</h3>
      {docs.length === 0 ? (
        <p className="muted">{t('deals.noHistory')}</p>
      ) : (
        <ol className="timeline">
          {docs.map((c) => (
            <li key={c.id}>
              <span>{describe(c)}</span>
              <time className="muted" dateTime={c.at}>
                {format.format(new Date(c.at))}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
