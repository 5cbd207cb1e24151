/** The first wait before a failed sync request is tried again, doubled per failure up to the most. */
export const MIN_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 60_000;
