import type { ComponentType } from 'react';
import type { CollectionName } from '@domain/collections';
import { DEFAULT_SECTION, FEATURES } from '../features';
import type { RouteTable } from './address';
import type { DrawerProps, SectionManifest } from './manifest';

/** The sections, in navigation order. */
export const SECTIONS: readonly SectionManifest[] = FEATURES.flatMap((f) => (f.section ? [f.section] : [])).sort(
  (a, b) => a.order - b.order,
);

const sectionsByRoute = new Map(SECTIONS.map((s) => [s.route, s]));
const drawers = new Map<string, ComponentType<DrawerProps>>(
  FEATURES.flatMap((f) => Object.entries(f.drawers ?? {}) as [string, ComponentType<DrawerProps>][]),
);

export function sectionOf(route: string): SectionManifest | undefined {
  return sectionsByRoute.get(route);
}

/** The drawer that shows records of `collection`, if a feature provides one. */
export function drawerFor(collection: string): ComponentType<DrawerProps> | undefined {
  return drawers.get(collection);
}

/** Whether some feature can open records of `collection` in the drawer. */
export function hasDrawer(collection: string): collection is CollectionName {
  return drawers.has(collection);
}

export const ROUTES: RouteTable = {
  defaultSection: sectionsByRoute.has(DEFAULT_SECTION) ? DEFAULT_SECTION : (SECTIONS[0]?.route ?? ''),
  sections: sectionsByRoute,
  drawerCollections: new Set(drawers.keys()),
};
