import type { ReactNode } from 'react';

export function EmptyState({
  icon,
  title,
  hint,
  action,
}: {
  icon: string;
  title: string;
  hint: string;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <div className="empty-illustration" aria-hidden="true">
        {icon}
      </div>
      <h2>{title}</h2>
      <p>{hint}</p>
      {action}
    </div>
  );
}
