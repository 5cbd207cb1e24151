import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useUi } from '../shell/ui-store';
import type { Command } from './command';
import { useCommands } from './command-store';
import { bindCommands } from './bindings';
import { activeScopes, dispatchKey, isTextTarget } from './dispatch';
import { chordFromEvent, currentPlatform } from './keys';
import { commandApplies, commandContext, runCommand } from './run-command';
import { surface } from './surfaces';

/**
 * How long the second key of a sequence (`g` then `l`) may take, measured between the two key
 * presses' own times (the event's timeStamp), not by a timer: a page busy with a first sync may
 * run the second key's handler late, and a person who typed in time still gets where they meant.
 */
export const SEQUENCE_TIMEOUT_MS = 1000;

/** The name of the DOM event the desktop shell sends for its menu items and global hotkeys. */
export const COMMAND_EVENT = 'outpost:command';

/**
 * The one keydown listener of the app. Every shortcut is a command: this finds the one a key
 * press means (scopes, sequences, the text-field rule, the user's bindings) and runs it. It
 * listens on window after the page's own handlers, so a field or widget that handled a key itself
 * (and said so with preventDefault) keeps it. Commands sent by the desktop shell
 * (`outpost:command`, detail = the id or `{ id }`) run through the same list.
 */
export function CommandHost({ commands }: { commands: readonly Command[] }) {
  const overrides = useCommands((s) => s.overrides);
  const platform = useMemo(() => currentPlatform(), []);
  const bound = useMemo(() => bindCommands(commands, overrides, platform), [commands, overrides, platform]);
  const latest = useRef({ commands, bound });
  useLayoutEffect(() => {
    latest.current = { commands, bound };
  });
  useLayoutEffect(() => useCommands.setState({ commands }), [commands]);

  useEffect(() => {
    let pending: readonly string[] = [];
    let pendingAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const chord = chordFromEvent(event, platform);
      if (!chord) return;
      if (pending.length > 0 && event.timeStamp - pendingAt > SEQUENCE_TIMEOUT_MS) pending = [];
      const target = event.target instanceof Element ? event.target : null;
      const ctx = commandContext(target);
      const byId = (id: string) => latest.current.commands.find((c) => c.id === id);
      const result = dispatchKey({
        pending,
        chord,
        inText: isTextTarget(target),
        scopes: activeScopes({
          modal: document.querySelector('dialog[open]') !== null,
          popup: surface('popup') !== undefined,
          marked: scopesAround(target),
          drawerIdle:
            useUi.getState().drawer !== null &&
            (!target || target === document.body || target === document.documentElement),
        }),
        commands: latest.current.bound,
        applies: (id) => {
          const command = byId(id);
          return command !== undefined && commandApplies(command, ctx);
        },
      });
      if (result.kind === 'none') {
        pending = [];
        return;
      }
      event.preventDefault();
      if (result.kind === 'pending') {
        pending = result.pending;
        pendingAt = event.timeStamp;
        return;
      }
      pending = [];
      byId(result.id)?.run(ctx);
    };
    const onCommand = (event: Event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      const id = typeof detail === 'string' ? detail : (detail as { id?: unknown } | null)?.id;
      if (typeof id === 'string') runCommand(id, latest.current.commands);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener(COMMAND_EVENT, onCommand);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener(COMMAND_EVENT, onCommand);
    };
  }, [platform]);
  return null;
}

/** The scopes marked on `element` and its ancestors, innermost first. */
function scopesAround(element: Element | null): string[] {
  const marks: string[] = [];
  for (
    let node = element?.closest('[data-command-scope]');
    node;
    node = node.parentElement?.closest('[data-command-scope]')
  ) {
    marks.push(node.getAttribute('data-command-scope') ?? '');
  }
  return marks;
}
