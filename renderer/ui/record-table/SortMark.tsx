import { ChevronDown, ChevronUp, ChevronsUpDown } from 'lucide-react';

/** A sortable column header's mark: up, down, or both while the column is not the sort. */
export function SortMark({ dir }: { dir: 'asc' | 'desc' | null }) {
  const Icon = dir === 'asc' ? ChevronUp : dir === 'desc' ? ChevronDown : ChevronsUpDown;
  return <Icon className="th-sort-mark" size={12} aria-hidden="true" />;
}
