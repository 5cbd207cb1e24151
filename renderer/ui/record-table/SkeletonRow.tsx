import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from '@tanstack/react-table';
import { LIST_ROW } from '../list-commands';

export interface SkeletonRowProps<T> {
  index: number;
  style: CSSProperties;
  visible: readonly Column<T, unknown>[];
}

/** A row not read yet: busy, named by its position, focusable so J and K can walk past it. */
export function SkeletonRow<T>({ index, style, visible }: SkeletonRowProps<T>) {
  const { t } = useTranslation();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy="true"
      aria-label={t('recordTable.loadingRow', { row: index + 1 })}
      className="record-grid-row record-grid-body-row skeleton-row"
      style={style}
      tabIndex={-1}
      {...{ [LIST_ROW]: '' }}
    >
      <div role="gridcell" className="record-grid-select" />
      {visible.map((c) => (
        <div key={c.id} role="gridcell" style={{ width: c.getSize() }}>
          <span className="skeleton-bar" />
        </div>
      ))}
    </div>
  );
}
