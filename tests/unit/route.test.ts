// The app's address (issue 15, point 6): every view has one fragment, a link round-trips, the
// scorecard's `#notebook=<id>` links are the same scheme, and input values travel only when asked.
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../src/app/route.ts';
import { notebookFromHash, notebookLink } from '../../src/app/builtin-notebooks.ts';

describe('routes', () => {
  it.each<[string, Route]>([
    ['#start', { kind: 'start' }],
    ['#scratch', { kind: 'scratch' }],
    [
      '#notebook=customer-asset-scorecard',
      { kind: 'notebook', id: 'customer-asset-scorecard', read: false, inputs: null },
    ],
    [
      '#notebook=who-really-makes-the-profit.zh-Hans&view=read',
      { kind: 'notebook', id: 'who-really-makes-the-profit.zh-Hans', read: true, inputs: null },
    ],
    ['#notebook=user-m1x2-ab12cd34', { kind: 'notebook', id: 'user-m1x2-ab12cd34', read: false, inputs: null }],
    [
      '#notebook=retention-what-if&input.uplift=0.05&input.segment=%22North+%26+West%22&input.span=%5B1%2C12%5D&input.on=true',
      {
        kind: 'notebook',
        id: 'retention-what-if',
        read: false,
        inputs: { uplift: 0.05, segment: 'North & West', span: [1, 12], on: true },
      },
    ],
  ])('%s ⇄ %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routeHash(route)).toBe(hash);
  });

  it('reads a value typed by hand as text, and JSON that no input can hold as the text it is', () => {
    expect(parseRoute('#notebook=a&input.region=North')).toMatchObject({ inputs: { region: 'North' } });
    expect(parseRoute('#notebook=a&input.x={"a":1}')).toMatchObject({ inputs: { x: '{"a":1}' } });
    expect(parseRoute('#notebook=a&input.=3')).toMatchObject({ inputs: null });
  });

  it('knows no route in an empty or foreign fragment', () => {
    expect(parseRoute('')).toBeNull();
    expect(parseRoute('#')).toBeNull();
    expect(parseRoute('#section-2')).toBeNull();
    expect(parseRoute('#notebook=')).toBeNull();
  });

  it('a link without inputs never writes one, and the reading view only when asked', () => {
    expect(routeHash({ kind: 'notebook', id: 'x', read: false, inputs: {} })).toBe('#notebook=x');
    expect(routeHash({ kind: 'notebook', id: 'x', read: true, inputs: null })).toBe('#notebook=x&view=read');
  });

  it('a scorecard tile link is a notebook route', () => {
    const link = notebookLink('who-really-makes-the-profit.zh-Hant');
    expect(parseRoute(link)).toEqual({
      kind: 'notebook',
      id: 'who-really-makes-the-profit.zh-Hant',
      read: false,
      inputs: null,
    });
    expect(notebookFromHash(link)).toBe('who-really-makes-the-profit.zh-Hant');
  });
});
