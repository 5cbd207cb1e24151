import type { Announcements } from '@dnd-kit/core';
import type { TFunction } from 'i18next';

/** What a screen reader hears while a card is dragged (dnd-kit's live region). */
export function boardAnnouncements(
  t: TFunction,
  titleOf: (dealId: string) => string,
  stageName: (stageId: string) => string,
): Announcements {
  const stageOf = (over: { data: { current?: unknown } } | null) =>
    (over?.data.current as { stageId?: string } | undefined)?.stageId;
  return {
    onDragStart: ({ active }) => t('pipeline.dnd.picked', { title: titleOf(String(active.id)) }),
    onDragOver: ({ active, over }) => {
      const title = titleOf(String(active.id));
      const stageId = stageOf(over);
      return stageId
        ? t('pipeline.dnd.over', { title, stage: stageName(stageId) })
        : t('pipeline.dnd.outside', { title });
    },
    onDragEnd: ({ active, over }) => {
      const title = titleOf(String(active.id));
      const stageId = stageOf(over);
      return stageId
        ? t('pipeline.dnd.dropped', { title, stage: stageName(stageId) })
        : t('pipeline.dnd.cancelled', { title });
    },
    onDragCancel: ({ active }) => t('pipeline.dnd.cancelled', { title: titleOf(String(active.id)) }),
  };
}
