export * from './importable-fields';
export * from './suggest-mapping';
export * from './parse-values';
export * from './parse-csv';
export * from './row-to-record';
export * from './duplicate-handling';
export * from './rejected-rows-report';
export * from './import-planner';
