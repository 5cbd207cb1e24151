/** The worker's first message: its module loaded and the storage is exposed. */
export const STORAGE_WORKER_READY = 'outpost-storage-ready';
