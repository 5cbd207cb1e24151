import type { ComponentType } from 'react';
import type { LucideIcon } from 'lucide-react';
import type { CollectionName } from '@domain/collections';
import type { DefaultView } from '@domain/record-views/view-state';
import type { Command } from '../commands/command';
import type { MessageKey } from '../i18n/message-key';

/** What the drawer host hands a record drawer: the record (or 'new'), links to prefill, a tab. */
export interface DrawerProps {
  id: string | 'new';
  prefill?: Record<string, string> | undefined;
  /** A tab named in the address (`?tab=activities`); a drawer without tabs ignores it. */
  tab?: string | undefined;
}

/** A place in the navigation, with its own address `#/<route>`. */
export interface SectionManifest {
  /** Route segment and section id: `deals` is `#/deals`. */
  route: string;
  label: MessageKey;
  icon: LucideIcon;
  /** The letter that follows G to come here (`g d`). */
  goKey?: string;
  /** A modified key that also comes here (`Mod+,` for Settings, as desktop apps do); the desktop menu shows it. */
  goChord?: string;
  /** Position in the navigation, smallest first. */
  order: number;
  /** `end` sections sit apart at the bottom of the navigation (Settings). */
  placement?: 'main' | 'end';
  page: ComponentType;
  /**
   * The record type of this section: `#/<route>/<id>` opens its drawer and `C` opens the form
   * for a new one (when the user may create it).
   */
  recordCollection?: CollectionName;
  /** Sub-pages addressed as `#/<route>/<tab>` (Settings' tabs); the first is the default. */
  tabs?: readonly string[];
}

export type { DefaultView } from '@domain/record-views/view-state';

/**
 * Everything a feature area plugs into the shell. Each `features/<area>/manifest.ts` exports one;
 * `features/index.ts` lists them, and navigation, routing, drawers and commands are built from
 * that list.
 */
export interface FeatureManifest {
  id: string;
  section?: SectionManifest;
  /** The drawer for each record type this feature shows. */
  drawers?: Partial<Record<CollectionName, ComponentType<DrawerProps>>>;
  commands?: readonly Command[];
  defaultViews?: readonly DefaultView[];
  /** Mounted once beside the page, over every section: the dialogs a command of the feature opens. */
  overlays?: readonly ComponentType[];
}
