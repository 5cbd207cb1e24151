import type { CSSProperties } from 'react';
import type { Column } from '@tanstack/react-table';
import { LIST_ROW } from '../list-commands';

export interface SkeletonRowProps<T> {
  index: number;
  /** Its accessible name ("Loading row 12"), worded once by the table for every placeholder. */
  label: string;
  style: CSSProperties;
  visible: readonly Column<T, unknown>[];
}

/** A row not read yet: busy, named by its position, focusable so J and K can walk past it. */
export function SkeletonRow<T>({ index, label, style, visible }: SkeletonRowProps<T>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy="true"
      aria-label={label}
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
