export { RecordListPage, type RecordListPageProps, type RecordListSearch } from './RecordListPage';
export { StillArrivingNotice } from './StillArriving';
