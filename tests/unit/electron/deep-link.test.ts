import { describe, expect, it } from 'vitest';
import {
  deepLinkArgument,
  describeRefusedLink,
  MAX_DEEP_LINK_LENGTH,
  parseDeepLink,
} from '../../../electron/main/deep-link';

const ID = '0193a4b2-7c3d-7e10-8f00-0123456789ab';

describe('outpost:// record links', () => {
  it.each(['companies', 'contacts', 'leads', 'deals', 'activities'] as const)(
    'opens a %s record by its id',
    (collection) => {
      expect(parseDeepLink(`outpost://${collection}/${ID}`)).toEqual({ collection, id: ID });
    },
  );

  it('takes the one trailing slash Windows may add, an upper-case scheme and an upper-case id', () => {
    expect(parseDeepLink(`outpost://deals/${ID}/`)).toEqual({ collection: 'deals', id: ID });
    expect(parseDeepLink(`OUTPOST://deals/${ID}`)).toEqual({ collection: 'deals', id: ID });
    expect(parseDeepLink(`outpost://deals/${ID.toUpperCase()}`)).toEqual({ collection: 'deals', id: ID });
  });

  it.each([
    `https://deals/${ID}`,
    `outposts://deals/${ID}`,
    `xoutpost://deals/${ID}`,
    `outpost:deals/${ID}`,
    `outpost:/deals/${ID}`,
    ` outpost://deals/${ID}`,
  ])('ignores another scheme or form: %s', (link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  it.each(['users', 'settings', 'pipelines', 'stage_changes', 'Deals', 'deal', ''])(
    'ignores a collection people do not open by link: %s',
    (collection) => {
      expect(parseDeepLink(`outpost://${collection}/${ID}`)).toBeNull();
    },
  );

  it.each([
    'not-a-uuid',
    ID.slice(0, 35),
    `${ID}0`,
    ID.replaceAll('-', ''),
    '0193a4b2-7c3d-7e10-8f00-0123456789ag',
    '',
  ])('ignores an id that is not a UUID: %s', (id) => {
    expect(parseDeepLink(`outpost://deals/${id}`)).toBeNull();
  });

  it.each([
    `outpost://deals/../contacts/${ID}`,
    `outpost://deals/./${ID}`,
    `outpost://deals/x/../${ID}`,
    `outpost://deals/${ID}/..`,
    `outpost://deals/${ID}//`,
    `outpost://deals//${ID}`,
    `outpost://deals/${ID}/edit`,
    `outpost://deals/%30193a4b2-7c3d-7e10-8f00-0123456789ab`,
    `outpost://deals%2F${ID}`,
    `outpost://deals\\${ID}`,
    `outpost://user@deals/${ID}`,
    `outpost://deals:80/${ID}`,
    `outpost://deals/${ID}?x=1`,
    `outpost://deals/${ID}#top`,
    `outpost://deals/${ID}\n`,
    `outpost://deals/${ID}\u0000`,
  ])('ignores path tricks and anything around the id: %j', (link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  it('ignores an overlong link before reading it, and anything that is not a string', () => {
    expect(parseDeepLink(`outpost://deals/${ID}/${'a'.repeat(MAX_DEEP_LINK_LENGTH)}`)).toBeNull();
    expect(parseDeepLink(`outpost://deals/${ID}${' '.repeat(MAX_DEEP_LINK_LENGTH)}`)).toBeNull();
    for (const value of [null, undefined, 42, { collection: 'deals', id: ID }, [`outpost://deals/${ID}`]]) {
      expect(parseDeepLink(value)).toBeNull();
    }
  });

  it('finds the link among the switches of a launch command line, or none', () => {
    expect(deepLinkArgument(['/opt/Outpost/outpost', '--no-sandbox', `outpost://deals/${ID}`])).toBe(
      `outpost://deals/${ID}`,
    );
    expect(deepLinkArgument(['C:\\Outpost.exe', `OUTPOST://leads/${ID}`, `outpost://deals/${ID}`])).toBe(
      `OUTPOST://leads/${ID}`,
    );
    expect(deepLinkArgument(['/opt/Outpost/outpost', '--outpost://deals', 'https://example.com'])).toBeNull();
    expect(deepLinkArgument([])).toBeNull();
  });

  it('logs a refused link quoted and cut short, so a crafted one cannot flood or forge the log', () => {
    expect(describeRefusedLink('outpost://users/1')).toBe('"outpost://users/1"');
    const forged = `outpost://x\nERROR admin signed in${'!'.repeat(10_000)}`;
    const line = describeRefusedLink(forged);
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThan(120);
    expect(line.endsWith(`… (${forged.length} characters)`)).toBe(true);
    expect(describeRefusedLink(42)).toBe('a number, not a link');
  });
});
