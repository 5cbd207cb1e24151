import { createElement, useEffect, useLayoutEffect, useRef } from 'react';
import { PALETTE_COLLECTIONS, type PaletteCollection } from '@domain/palette-search';
import { useWorkspace } from '../db/workspace-context';
import { rememberOpened } from '../search/recent-records';
import { drawerFor } from './registry';
import { useUi } from './ui-store';

/**
 * The right-hand drawer shows whichever record is open, from any section, with the drawer its
 * feature's manifest names. Closing it (Escape, Close, Back) returns focus to where it was before
 * it opened — the list row or card the user came from.
 */
export function DrawerHost() {
  const drawer = useUi((s) => s.drawer);
  const opener = useRef<HTMLElement | null>(null);
  const open = drawer !== null;
  const { db } = useWorkspace();
  const recent = drawer && drawer.id !== 'new' && isPaletteCollection(drawer.collection) ? drawer : null;
  const recentCollection = recent?.collection as PaletteCollection | undefined;
  const recentId = recent?.id;
  // Every record opened, from a list, the board, a link or the palette, heads the palette's recent list.
  useEffect(() => {
    if (!recentCollection || !recentId) return;
    rememberOpened(db, { collection: recentCollection, id: recentId }).catch((error: unknown) =>
      console.error('Could not remember the opened record:', error),
    );
  }, [db, recentCollection, recentId]);
  // A layout effect: it runs before the drawer's own effect moves focus into it.
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    return () => {
      const back = opener.current;
      opener.current = null;
      const focus = document.activeElement;
      // Only when focus was in the drawer (or went with it): never pull it from where the user moved it.
      const lost = !focus || focus === document.body || focus.closest('.drawer');
      if (back?.isConnected && lost) requestAnimationFrame(() => back.focus({ preventScroll: true }));
    };
  }, [open]);
  if (!drawer) return null;
  const Drawer = drawerFor(drawer.collection);
  if (!Drawer) return null;
  // The component comes from the manifests, built once at start: createElement says so to the linter.
  return createElement(Drawer, {
    key: `${drawer.collection}:${drawer.id}`,
    id: drawer.id,
    prefill: drawer.prefill,
    tab: drawer.tab,
  });
}

function isPaletteCollection(collection: string): collection is PaletteCollection {
  return (PALETTE_COLLECTIONS as readonly string[]).includes(collection);
}
