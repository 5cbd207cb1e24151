import { describe, expect, it } from 'vitest';
import { createReadyLineReader, formatReadyLine, parseReadyLine } from '../../../sync-server/ready-line.mjs';

const READY = { url: 'http://127.0.0.1:43817', store: 'sqlite', auth: 'single-user', app: false };

describe('the line the sync server announces it is ready with', () => {
  it('is one JSON line that names the server’s URL, store and sign-in mode', () => {
    const line = formatReadyLine(READY);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ outpost: 'ready', ...READY });
    expect(parseReadyLine(line)).toEqual(READY);
  });

  it('is told apart from the log lines and other output around it', () => {
    expect(parseReadyLine('{"level":30,"time":1,"msg":"Server listening at http://127.0.0.1:43817"}')).toBeNull();
    expect(parseReadyLine('{"outpost":"ready"}')).toBeNull();
    expect(parseReadyLine('{"outpost":"ready","url":"not a url"}')).toBeNull();
    expect(parseReadyLine('{"outpost":"ready","url":"http://127.0.0.1:1"')).toBeNull();
    expect(parseReadyLine('Outpost is running at http://127.0.0.1:1')).toBeNull();
  });

  it('is found in output that arrives in pieces, once its line is complete, and only once', () => {
    const reader = createReadyLineReader();
    const bytes = new TextEncoder().encode(
      `{"level":30,"msg":"señal"}\n${formatReadyLine({ ...READY, app: true })}\n{"level":30,"msg":"more"}\n`,
    );
    // Split inside the multi-byte ñ and inside the ready line.
    const pieces = [bytes.slice(0, 22), bytes.slice(22, 60), bytes.slice(60, -10)];
    expect(pieces.map((piece) => reader.push(piece))).toEqual([null, null, { ...READY, app: true }]);
    expect(reader.push(bytes.slice(-10))).toBeNull();
    expect(reader.push(`${formatReadyLine(READY)}\n`)).toBeNull();
  });

  it('waits for the end of the line before reading it', () => {
    const reader = createReadyLineReader();
    expect(reader.push(formatReadyLine(READY))).toBeNull();
    expect(reader.push('\n')).toEqual(READY);
  });
});
