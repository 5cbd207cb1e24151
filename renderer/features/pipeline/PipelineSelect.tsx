import { useId } from 'react';
import type { Pipeline } from '@domain/schemas/pipeline';

/** A labelled choice of pipeline: the board's switcher and the pipeline editor's picker. */
export function PipelineSelect({
  label,
  pipelines,
  value,
  onChange,
  className = 'field',
}: {
  label: string;
  pipelines: readonly Pipeline[];
  value: string;
  onChange(pipelineId: string): void;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {pipelines.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
