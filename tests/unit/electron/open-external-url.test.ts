import { describe, expect, it, vi } from 'vitest';
import { externalUrlToOpen, openExternalUrl } from '../../../electron/main/open-external-url';

describe('openExternalUrl', () => {
  it.each([
    ['https://example.com/path?q=1', 'https://example.com/path?q=1'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:ana@example.com?subject=Hi', 'mailto:ana@example.com?subject=Hi'],
    ['tel:+34600111222', 'tel:+34600111222'],
    ['sip:alice@pbx.example.com', 'sip:alice@pbx.example.com'],
  ])('opens %s with the system', async (input, opened) => {
    const open = vi.fn(async (_url: string) => {});
    await expect(openExternalUrl(input, open)).resolves.toBe(true);
    expect(open).toHaveBeenCalledWith(opened);
  });

  it.each<[string, unknown]>([
    ['file URL', 'file:///etc/passwd'],
    ['Windows file URL', 'file://C:/Windows/System32/calc.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript with mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript split by a newline', 'java\nscript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['UNC path', '\\\\host\\share\\payload.exe'],
    ['UNC path with forward slashes', '//host/share/payload.exe'],
    ['UNC path after whitespace', '  \\\\host\\share'],
    ['smb', 'smb://host/share'],
    ['ms-msdt handler', 'ms-msdt:/id PCWDiagnostic'],
    ['custom app scheme', 'app://outpost/'],
    ['look-alike app origin', 'app://outpost.evil/'],
    ['credentials in an http URL', 'https://app.outpost@evil.example/'],
    ['user and password', 'https://user:pass@example.com/'],
    ['leading whitespace', ' https://example.com/'],
    ['embedded control character', 'https://exa\u0000mple.com/'],
    ['backslash host trick', 'https:\\\\evil.example'],
    ['empty mailto', 'mailto:'],
    ['relative path', '/deals/1'],
    ['empty string', ''],
    ['overlong URL', `https://example.com/${'a'.repeat(5000)}`],
    ['number', 42],
    ['null', null],
    ['undefined', undefined],
    ['object with toString', { toString: () => 'https://example.com/' }],
    ['URL object', new URL('https://example.com/')],
    ['array', ['https://example.com/']],
  ])('refuses %s', async (_name, input) => {
    const open = vi.fn(async (_url: string) => {});
    expect(externalUrlToOpen(input)).toBeNull();
    await expect(openExternalUrl(input, open)).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('reports false, not an exception, when the system cannot open the link', async () => {
    const open = vi.fn(async () => {
      throw new Error('no handler for mailto');
    });
    await expect(openExternalUrl('mailto:ana@example.com', open)).resolves.toBe(false);
  });
});
