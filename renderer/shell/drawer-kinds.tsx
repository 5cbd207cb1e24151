import { createContext, useContext } from 'react';
import type { CollectionName } from '@domain/collections';

/**
 * The record kinds some feature shows in the drawer, handed down by the app from the manifests
 * (shell/registry.ts). Features ask here: the registry imports every feature, so a feature that
 * imported it would close a cycle (docs/adr/0028-renderer-boundaries.md).
 */
const DrawerKinds = createContext<ReadonlySet<string>>(new Set());

export const DrawerKindsProvider = DrawerKinds.Provider;

/** Whether some feature can open records of a collection in the drawer. */
export function useHasDrawer(): (collection: string) => collection is CollectionName {
  const kinds = useContext(DrawerKinds);
  return (collection): collection is CollectionName => kinds.has(collection);
}
