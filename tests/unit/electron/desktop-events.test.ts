import { DESKTOP_EVENT_CHANNEL, type DesktopEvent } from '@domain/desktop-bridge';
import { describe, expect, it } from 'vitest';
import { createDesktopEventOutbox, MAX_QUEUED_EVENTS } from '../../../electron/main/desktop-events';
import { FakeWebContents } from './fake-electron';

const link = (n: number): DesktopEvent => ({
  kind: 'open-record',
  link: { collection: 'deals', id: `0193a4b2-7c3d-7e10-8f00-${String(n).padStart(12, '0')}` },
});
const command = (name: 'open-palette' | 'quick-log' | 'new-lead'): DesktopEvent => ({ kind: 'command', command: name });

describe('the outbox of events for the page', () => {
  it('keeps what comes before a page has loaded and hands it over, in order, once one has', () => {
    const outbox = createDesktopEventOutbox();
    outbox.post(command('new-lead'));
    outbox.post(link(1));
    const page = new FakeWebContents();
    outbox.attach(page);
    expect(page.send.mock.calls).toEqual([
      [DESKTOP_EVENT_CHANNEL, command('new-lead')],
      [DESKTOP_EVENT_CHANNEL, link(1)],
    ]);
    outbox.post(command('open-palette'));
    expect(page.send).toHaveBeenLastCalledWith(DESKTOP_EVENT_CHANNEL, command('open-palette'));
    expect(page.send).toHaveBeenCalledTimes(3);
  });

  it('opens only the latest of several links that came while the page was away', () => {
    const outbox = createDesktopEventOutbox();
    outbox.post(link(1));
    outbox.post(command('quick-log'));
    outbox.post(link(2));
    const page = new FakeWebContents();
    outbox.attach(page);
    expect(page.send.mock.calls.map(([, event]) => event)).toEqual([command('quick-log'), link(2)]);
  });

  it('holds events again while the page reloads, and sends nothing twice', () => {
    const outbox = createDesktopEventOutbox();
    const first = new FakeWebContents();
    outbox.attach(first);
    outbox.detach();
    outbox.post(link(3));
    expect(first.send).not.toHaveBeenCalled();
    const reloaded = new FakeWebContents();
    outbox.attach(reloaded);
    outbox.attach(reloaded);
    expect(reloaded.send.mock.calls).toEqual([[DESKTOP_EVENT_CHANNEL, link(3)]]);
  });

  it(`keeps at most ${MAX_QUEUED_EVENTS} events, dropping the oldest`, () => {
    const outbox = createDesktopEventOutbox();
    for (let i = 0; i < MAX_QUEUED_EVENTS + 5; i++) outbox.post(command(i % 2 ? 'quick-log' : 'open-palette'));
    outbox.post(link(4));
    const page = new FakeWebContents();
    outbox.attach(page);
    expect(page.send).toHaveBeenCalledTimes(MAX_QUEUED_EVENTS);
    expect(page.send).toHaveBeenLastCalledWith(DESKTOP_EVENT_CHANNEL, link(4));
  });
});
