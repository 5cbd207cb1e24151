export { BulkActionBar, CONFIRM_ABOVE, type BulkActionBarProps } from './BulkActionBar';
