import type { DesktopCommand, OutpostBridge, RecordLink } from '@domain/desktop-bridge';
import { describe, expect, it, vi } from 'vitest';
import { COMMAND_EVENT } from '../../../renderer/commands/CommandHost';
import {
  connectDesktopEvents,
  openRecordLink,
  runDesktopCommand,
  type DesktopEventActions,
} from '../../../renderer/shell/desktop-events';
import { allSections } from '../../../renderer/shell/registry';
import { DESKTOP_SECTIONS } from '@domain/desktop-bridge';

const ID = '0193a4b2-7c3d-7e10-8f00-0123456789ab';

function actions() {
  return {
    navigate: vi.fn(),
    openDrawer: vi.fn(),
    toast: vi.fn(),
    dispatch: vi.fn(),
  } satisfies DesktopEventActions;
}

describe('a record link from the desktop', () => {
  it('opens the record in its section, drawer open', () => {
    const ui = actions();
    openRecordLink({ collection: 'deals', id: ID }, ui);
    expect(ui.navigate).toHaveBeenCalledWith('deals');
    expect(ui.openDrawer).toHaveBeenCalledWith({ collection: 'deals', id: ID });
    expect(ui.navigate.mock.invocationCallOrder[0]).toBeLessThan(ui.openDrawer.mock.invocationCallOrder[0]!);
  });

  it('shows the activities section for an activity, which has no drawer yet', () => {
    const ui = actions();
    openRecordLink({ collection: 'activities', id: ID }, ui);
    expect(ui.navigate).toHaveBeenCalledWith('activities');
    expect(ui.openDrawer).not.toHaveBeenCalled();
  });
});

describe('a desktop command', () => {
  it('runs the registry’s palette command through the outpost:command DOM event', () => {
    const ui = actions();
    runDesktopCommand('open-palette', ui);
    const event = ui.dispatch.mock.calls[0]?.[0] as CustomEvent<{ id: string }>;
    expect(event.type).toBe(COMMAND_EVENT);
    expect(event.detail).toEqual({ id: 'palette.open' });
    expect(ui.navigate).not.toHaveBeenCalled();
  });

  it('quick log shows the activities section and says quick logging is on its way', () => {
    const ui = actions();
    runDesktopCommand('quick-log', ui);
    expect(ui.navigate).toHaveBeenCalledWith('activities', { focus: true });
    expect(ui.toast).toHaveBeenCalledWith('desktop.quickLogSoon');
  });

  it('new lead opens the new-lead form in Leads', () => {
    const ui = actions();
    runDesktopCommand('new-lead', ui);
    expect(ui.navigate).toHaveBeenCalledWith('leads');
    expect(ui.openDrawer).toHaveBeenCalledWith({ collection: 'leads', id: 'new' });
  });

  it('goes to every section the desktop names, focusing its content', () => {
    const sections = allSections().map((s) => s.route);
    expect(sections).toEqual([...DESKTOP_SECTIONS]);
    for (const section of DESKTOP_SECTIONS) {
      const ui = actions();
      runDesktopCommand(`go:${section}`, ui);
      expect(ui.navigate).toHaveBeenCalledWith(section, { focus: true });
    }
  });
});

describe('connecting to the bridge', () => {
  it('routes links and commands to the current actions until disconnected', () => {
    let onLink: (link: RecordLink) => void = () => {};
    let onCommand: (command: DesktopCommand) => void = () => {};
    const stopLinks = vi.fn();
    const stopCommands = vi.fn();
    const bridge = {
      onOpenRecord: (listener: typeof onLink) => ((onLink = listener), stopLinks),
      onDesktopCommand: (listener: typeof onCommand) => ((onCommand = listener), stopCommands),
    } as unknown as OutpostBridge;
    const ui = actions();
    const disconnect = connectDesktopEvents(bridge, () => ui);
    onLink({ collection: 'contacts', id: ID });
    onCommand('go:reports');
    expect(ui.openDrawer).toHaveBeenCalledWith({ collection: 'contacts', id: ID });
    expect(ui.navigate).toHaveBeenLastCalledWith('reports', { focus: true });
    disconnect();
    expect(stopLinks).toHaveBeenCalledOnce();
    expect(stopCommands).toHaveBeenCalledOnce();
  });
});
