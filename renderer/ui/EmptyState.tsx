import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';

export function EmptyState({
  icon: Icon,
  title,
  hint,
  action,
}: {
  icon: LucideIcon;
  title: string;
  hint: string;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <div className="empty-illustration">
        <Icon size={36} strokeWidth={1.5} aria-hidden="true" />
      </div>
      <h2>{title}</h2>
      <p>{hint}</p>
      {action}
    </div>
  );
}
