import type { ReactNode } from 'react';
import type { ViewState } from '@domain/record-views/view-state';
import { ColumnChooser } from './ColumnChooser';
import { DensitySwitch } from './DensitySwitch';
import { FilterBar } from './FilterBar';
import type { TableField } from './table-field';

export interface RecordTableToolbarProps {
  fields: readonly TableField[];
  /** The fields that may be columns, for the column chooser. */
  columnFields: readonly TableField[];
  view: ViewState;
  onViewChange: (view: ViewState) => void;
  start?: ReactNode;
  end?: ReactNode;
}

/** Above the grid: the page's start (saved views), the filters, the columns, density, the page's end. */
export function RecordTableToolbar({ fields, columnFields, view, onViewChange, start, end }: RecordTableToolbarProps) {
  return (
    <div className="record-table-bar">
      {start}
      <FilterBar fields={fields} filters={view.filters} onChange={(filters) => onViewChange({ ...view, filters })} />
      <div className="toolbar-spacer" />
      <ColumnChooser
        fields={columnFields}
        columns={view.columns}
        onChange={(next) => onViewChange({ ...view, columns: next })}
      />
      <DensitySwitch density={view.density} onChange={(density) => onViewChange({ ...view, density })} />
      {end}
    </div>
  );
}
