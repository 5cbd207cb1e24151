import { createElement, useLayoutEffect, useRef } from 'react';
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
