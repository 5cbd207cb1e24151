import { useCallback, useEffect, useRef, useState } from 'react';
import { useUi } from '../../shell/ui-store';
import type { ColumnView, LocatedDeal } from './board-columns';
import { useBoard } from './board-store';

/** How long focus keeps looking for a card that a column query has yet to draw. */
const FIND_CARD_MS = 2_000;

/**
 * Which card has the board's focus, and putting focus on a card once it is drawn: after a walk
 * (J/K/H/L), a step to another stage, a keyboard drop, an undo, or arriving from the keyboard.
 */
export function useBoardKeyboardFocus(columns: readonly ColumnView[], loaded: boolean) {
  const boardRef = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const scrollers = useRef(new Map<string, (index: number) => void>());
  const registerScroller = useCallback((stageId: string, scrollTo: ((index: number) => void) | null) => {
    if (scrollTo) scrollers.current.set(stageId, scrollTo);
    else scrollers.current.delete(stageId);
  }, []);
  const scrollTo = useCallback((stageId: string, index: number) => scrollers.current.get(stageId)?.(index), []);

  const cardNode = useCallback(
    (id: string) => boardRef.current?.querySelector<HTMLElement>(`[data-deal-id="${id}"]`) ?? null,
    [],
  );
  /** Focus a card once it is in the DOM: after a column scrolled to it, or after it moved columns. */
  const focusWhenShown = useCallback(
    (id: string, arriving = false) => {
      setFocusedId(id);
      // The card may take a few renders to appear (a column query catching up with a write): keep
      // looking for a while, a frame at a time.
      const giveUpAt = performance.now() + FIND_CARD_MS;
      const attempt = () => {
        // Never pull focus back once the user has moved it elsewhere (a filter field, the drawer),
        // except from the navigation link that brought them here.
        const current = document.activeElement;
        const elsewhere = current && current !== document.body && !boardRef.current?.contains(current);
        if (elsewhere && !(arriving && current.closest('nav'))) return;
        const node = cardNode(id);
        if (node) node.focus();
        else if (performance.now() < giveUpAt) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [cardNode],
  );
  const focusCard = useCallback(
    (column: number, index: number, arriving = false) => {
      const view = columns[column];
      const deal = view?.deals[Math.max(0, Math.min(index, view.deals.length - 1))];
      if (!view || !deal) return;
      scrollTo(view.stage.id, view.deals.indexOf(deal));
      focusWhenShown(deal.id, arriving);
    },
    [columns, focusWhenShown, scrollTo],
  );
  /** Focus a card already drawn, in the next frame (a dialog closing gives it back). */
  const focusNextFrame = useCallback((id: string) => requestAnimationFrame(() => cardNode(id)?.focus()), [cardNode]);
  /** A card leaves its column (closed): focus stays there, on the card that takes its place. */
  const focusInPlaceOf = useCallback(
    ({ deal, column, index }: LocatedDeal) => {
      const rest = columns[column]!.deals.filter((d) => d.id !== deal.id);
      const target = rest[index] ?? rest.at(-1);
      if (!target) return;
      setFocusedId(target.id);
      focusNextFrame(target.id);
    },
    [columns, focusNextFrame],
  );

  // An undone move puts its card back: focus follows it (board-store's focusRequest).
  const focusRequest = useBoard((s) => s.focusRequest);
  useEffect(() => {
    if (!focusRequest) return;
    const frame = requestAnimationFrame(() => focusWhenShown(focusRequest.dealId));
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, focusWhenShown]);
  // Arriving from the keyboard, the first card takes focus once the board has loaded.
  const firstColumnWithDeals = columns.findIndex((c) => c.deals.length > 0);
  useEffect(() => {
    if (!loaded || firstColumnWithDeals < 0) return;
    const frame = requestAnimationFrame(() => {
      if (useUi.getState().takeArrivalFocus('pipeline')) focusCard(firstColumnWithDeals, 0, true);
    });
    return () => cancelAnimationFrame(frame);
  }, [loaded, firstColumnWithDeals, focusCard]);

  return {
    boardRef,
    focusedId,
    setFocusedId,
    registerScroller,
    scrollTo,
    focusWhenShown,
    focusCard,
    focusNextFrame,
    focusInPlaceOf,
  };
}
