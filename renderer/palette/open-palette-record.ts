import type { PaletteCollection } from '@domain/palette-search';
import { hasDrawer, sectionOf } from '../shell/registry';
import { useUi } from '../shell/ui-store';

/**
 * Opens a record found in the palette in its drawer, at its address: over the section on screen
 * when that section shows records of its kind (a deal over the board), otherwise in its own
 * section (`#/contacts/<id>`). Activities have no drawer yet: their section opens.
 */
export function openPaletteRecord(collection: PaletteCollection, id: string): void {
  const ui = useUi.getState();
  if (sectionOf(ui.section)?.recordCollection !== collection) ui.navigate(collection);
  if (hasDrawer(collection)) ui.openDrawer({ collection, id });
}
