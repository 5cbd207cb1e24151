import { describe, expect, it } from 'vitest';
import { domainError, fail, ok } from '@domain/errors';

describe('domain errors', () => {
  it('carries a stable code, a message and optional parameters', () => {
    expect(domainError('deal.lostReasonRequired', 'a lost deal needs a reason')).toEqual({
      code: 'deal.lostReasonRequired',
      message: 'a lost deal needs a reason',
    });
    expect(domainError('record.immutableField', 'createdAt cannot change', { field: 'createdAt' })).toEqual({
      code: 'record.immutableField',
      message: 'createdAt cannot change',
      params: { field: 'createdAt' },
    });
  });

  it('wraps results as ok or failed with reasons', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    const e = domainError('pipeline.noStages', 'no stages');
    expect(fail(e)).toEqual({ ok: false, errors: [e] });
  });

  it('serialises to plain JSON, as the server sends it', () => {
    const e = domainError('lead.transitionForbidden', 'no', { from: 'NEW', to: 'QUALIFIED' });
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });
});
