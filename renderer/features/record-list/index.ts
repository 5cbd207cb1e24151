export { RecordListPage, type RecordListPageProps, type RecordListSearch } from './RecordListPage';
