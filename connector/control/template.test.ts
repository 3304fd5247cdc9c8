import { describe, expect, test } from 'vitest';
import { fillBody, fillPath, TemplateError } from './template.ts';

const values = {
  reason: 'exchange down',
  venue: 'a/b?c',
  operator: 'alice',
  params: { reductionPct: 0.5 },
  secrets: { tok: 's' },
};

describe('control templates', () => {
  test('a whole-string placeholder keeps its type; inside text it is spliced; keys are filled too', () => {
    expect(
      fillBody(
        {
          reduction_pct: '{params.reductionPct}',
          note: 'by {operator}: {reason}',
          exchanges: { '{venue}': { enabled: false } },
        },
        values,
      ),
    ).toEqual({
      reduction_pct: 0.5,
      note: 'by alice: exchange down',
      exchanges: { 'a/b?c': { enabled: false } },
    });
  });
  test('in a path, a value is URL-encoded: a venue cannot add a segment or a query', () => {
    expect(fillPath('/api/v1/exchanges/{venue}/cancel_all_orders', values)).toBe(
      '/api/v1/exchanges/a%2Fb%3Fc/cancel_all_orders',
    );
  });
  test('a venue of "." or ".." is refused: it would climb out of its path', () => {
    expect(() => fillPath('/v2/venues/{venue}/orders', { ...values, venue: '..' })).toThrow(TemplateError);
    expect(() => fillPath('/v2/venues/{venue}/orders', { ...values, venue: '.' })).toThrow(
      /cannot be put in a path/,
    );
    expect(fillPath('/v2/venues/{venue}/orders', { ...values, venue: 'a.b' })).toBe('/v2/venues/a.b/orders');
  });

  test('a missing venue or parameter is refused, not sent as "undefined"', () => {
    expect(() => fillPath('/x/{venue}', { ...values, venue: undefined })).toThrow(TemplateError);
    expect(() => fillBody({ t: '{params.timeoutS}' }, values)).toThrow(/parameter timeoutS/);
  });
});
