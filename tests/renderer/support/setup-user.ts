import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

/**
 * A user typing and clicking through Testing Library. jsdom applies none of the app's style
 * sheets, so user-event's check of CSS `pointer-events` on every ancestor before each click can
 * only ever pass, and it is the slowest part of a click: it is left out.
 */
export function setupUser(options: Parameters<typeof userEvent.setup>[0] = {}) {
  return userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never, ...options });
}
