import type { ComponentType } from 'react';
import type { CollectionName } from '@domain/collections';
import { DEFAULT_SECTION, FEATURES } from '../features';
import type { RouteTable } from './address';
import type { DrawerProps, SectionManifest } from './manifest';

interface Registry {
  sections: readonly SectionManifest[];
  byRoute: ReadonlyMap<string, SectionManifest>;
  drawers: ReadonlyMap<string, ComponentType<DrawerProps>>;
  routes: RouteTable;
  overlays: readonly ComponentType[];
}

let built: Registry | undefined;

/**
 * Built on first use, not when this module loads, so nothing depends on the order in which the
 * feature modules load. Features never import this module (it imports every one of them): what
 * they need of it comes down through shell/drawer-kinds.tsx.
 */
function registry(): Registry {
  if (built) return built;
  const sections = FEATURES.flatMap((f) => (f.section ? [f.section] : [])).sort((a, b) => a.order - b.order);
  const byRoute = new Map(sections.map((s) => [s.route, s]));
  const drawers = new Map<string, ComponentType<DrawerProps>>(
    FEATURES.flatMap((f) => Object.entries(f.drawers ?? {}) as [string, ComponentType<DrawerProps>][]),
  );
  const routes: RouteTable = {
    defaultSection: byRoute.has(DEFAULT_SECTION) ? DEFAULT_SECTION : (sections[0]?.route ?? ''),
    sections: byRoute,
    drawerCollections: new Set(drawers.keys()),
  };
  const overlays = FEATURES.flatMap((f) => f.overlays ?? []);
  built = { sections, byRoute, drawers, routes, overlays };
  return built;
}

/** The sections, in navigation order. */
export function allSections(): readonly SectionManifest[] {
  return registry().sections;
}

export function sectionOf(route: string): SectionManifest | undefined {
  return registry().byRoute.get(route);
}

/** The drawer that shows records of `collection`, if a feature provides one. */
export function drawerFor(collection: string): ComponentType<DrawerProps> | undefined {
  return registry().drawers.get(collection);
}

/** Whether some feature can open records of `collection` in the drawer. */
export function hasDrawer(collection: string): collection is CollectionName {
  return registry().drawers.has(collection);
}

/** What addresses mean (shell/address.ts), from the manifests. */
export function routeTable(): RouteTable {
  return registry().routes;
}

/** The dialogs features mount beside the page (shell/manifest.ts, `overlays`). */
export function allOverlays(): readonly ComponentType[] {
  return registry().overlays;
}
