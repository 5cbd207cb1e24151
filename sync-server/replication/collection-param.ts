import { isCollectionName, type CollectionName } from '@domain/collections';
import { HttpError } from '../http/api-error';

export function collectionParam(value: unknown): CollectionName {
  if (!isCollectionName(value)) {
    throw new HttpError(404, 'collection.unknown', `unknown collection "${String(value).slice(0, 60)}"`);
  }
  return value;
}
