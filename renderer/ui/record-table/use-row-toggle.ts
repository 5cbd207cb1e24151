import { useRef, type KeyboardEvent } from 'react';
import { useCommandSurface } from '../../commands/surfaces';
import type { RecordWindow } from '../../db/use-record-window';
import { RECORD_TABLE_SURFACE, type RecordTableSurface } from '../list-commands';
import { withIds, type RecordSelection } from './record-selection';

export interface RowToggle {
  /** Ticks or unticks the row at `index`; `extend` ticks through from the anchor instead. */
  toggle: (index: number, extend: boolean) => void;
  /** On the grid, in the capture phase: notes whether Shift is held for the X command. */
  onKeyDownCapture: (e: KeyboardEvent) => void;
}

/**
 * Ticking rows, by mouse or by the list's X/Space command (offered as the record table's command
 * surface, with the inline edit's F2 that the table hands in): the anchor is the row last ticked
 * or unticked on its own, and Shift extends from it.
 */
export function useRowToggle<T extends { id: string }>(
  rows: RecordWindow<T>,
  selection: RecordSelection,
  onSelectionChange: (selection: RecordSelection) => void,
  edit: Pick<RecordTableSurface, 'canEdit' | 'edit'>,
): RowToggle {
  // The selection's anchor, for Shift+X: the row last ticked or unticked on its own.
  const anchor = useRef<number | null>(null);
  const shiftDown = useRef(false);
  const toggle = (index: number, extend: boolean) => {
    const row = rows.rowAt(index);
    if (!row) return;
    const on = !selection.has(row.id);
    if (extend && anchor.current !== null) {
      const from = Math.min(anchor.current, index);
      const to = Math.max(anchor.current, index);
      const ids: string[] = [];
      for (let i = from; i <= to; i++) {
        const r = rows.rowAt(i);
        if (r) ids.push(r.id);
      }
      onSelectionChange(withIds(selection, ids, true));
    } else {
      onSelectionChange(withIds(selection, [row.id], on));
    }
    anchor.current = index;
  };
  useCommandSurface<RecordTableSurface>(RECORD_TABLE_SURFACE, {
    toggle: (rowElement) => {
      const index = Number(rowElement.getAttribute('aria-rowindex')) - 2;
      if (index >= 0) toggle(index, shiftDown.current);
    },
    ...edit,
  });
  const onKeyDownCapture = (e: KeyboardEvent) => {
    shiftDown.current = e.shiftKey;
  };
  return { toggle, onKeyDownCapture };
}
