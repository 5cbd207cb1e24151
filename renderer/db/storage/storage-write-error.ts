/** A bulk write the storage refused, with what a person can be told about it. */
export class StorageWriteError extends Error {
  override name = 'StorageWriteError';
  constructor(
    message: string,
    /** The device has no room left for this site's data (IndexedDB's QuotaExceededError). */
    readonly quotaExceeded: boolean,
  ) {
    super(message);
  }
}

const QUOTA = /QuotaExceeded|quota (?:has been |was )?exceeded/i;
const REMOTE_PREFIX = 'could not requestRemote: ';

/**
 * What went wrong in a storage write, short. Through the storage worker an error comes back as
 * RxDB's remote-storage text, which embeds the whole request — every record of the batch — before
 * the worker's error (name, message): only that error is kept, never the records.
 */
export function storageWriteErrorOf(error: unknown): StorageWriteError {
  if (error instanceof StorageWriteError) return error;
  const { name, message } = innermost(error);
  return new StorageWriteError(
    name && !message.startsWith(name) ? `${name}: ${message}` : message,
    QUOTA.test(`${name} ${message}`),
  );
}

function innermost(error: unknown): { name: string; message: string } {
  if (!(error instanceof Error)) return { name: '', message: String(error) };
  if (error.message.startsWith(REMOTE_PREFIX)) {
    try {
      const answer = JSON.parse(error.message.slice(REMOTE_PREFIX.length)) as {
        error?: { name?: string; message?: string };
      };
      return { name: answer.error?.name ?? '', message: answer.error?.message ?? '' };
    } catch {
      // Not the JSON RxDB writes: keep the first line only, never the request it may embed.
      return { name: '', message: error.message.slice(0, 200) };
    }
  }
  // Dexie wraps a transaction's abort; the cause (QuotaExceededError) is its `inner`.
  const inner = (error as Error & { inner?: unknown }).inner ?? error.cause;
  if (inner instanceof Error || (inner && typeof inner === 'object' && 'name' in inner)) {
    const cause = inner as { name?: string; message?: string };
    if (QUOTA.test(`${cause.name ?? ''} ${cause.message ?? ''}`))
      return { name: cause.name ?? '', message: cause.message ?? '' };
  }
  return { name: error.name === 'Error' ? '' : error.name, message: error.message };
}
