import { beforeEach, describe, expect, it } from 'vitest';
import {
  locateZones,
  loyaltyCurve,
  MISSING_SURVEYS_NOTE,
  type LevelRow,
} from '../../src/analyses/satisfaction/index.ts';
import type { DataFile } from '../../src/engine/api.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';

const enc = new TextEncoder();
const file = (table: string, text: string): DataFile => ({
  table,
  fileName: `${table}.csv`,
  bytes: enc.encode(text.trim() + '\n'),
});

// One DuckDB instance for the file (starting one costs seconds); each fixture replaces all tables.
let shared: NodeEngine | null = null;
async function engineWith(files: DataFile[]): Promise<NodeEngine> {
  shared ??= createNodeEngine();
  for (const t of ['transactions', 'customers', 'service_costs', 'surveys'])
    await shared.query(`DROP TABLE IF EXISTS ${t}`);
  await shared.loadCanonicalCsv('fixture', files);
  return shared;
}

/**
 * Hand fixture (1–5, window 180 days, data end 2024-12-31). Every customer bought on 2023-12-01
 * (revenue 100, cost 60); "kept" customers bought again on 2024-03-01 (50, cost 30).
 *   level 5: c1 c2 c3 kept                  → 3/3
 *   level 4: c4 kept, c5 bought but churned 2024-04-01, c6 gone → retained 1/3, repurchased 2/3
 *   level 3: c10 gone → 0/1; level 2: c7 kept (hostage), c8 gone → 1/2; level 1: c9 gone → 0/1
 * c1's later response (2024-10-01) and r's (2024-11-01) are censored (window ends after the data):
 * c1 falls back to its earlier one, r is excluded. c6's earlier 5 is superseded by its later 4.
 * x answered but never bought. One row is out of scale (9).
 * repurchase_intent (stated intent, latest dated response, no window needed):
 *   5: c2 5, c3 4, x 5 · 4: c4 3, c5 4, c6 2, r 4 · 3: c1 2 (its 2024-10-01 answer), c10 3 · 2: c7 2, c8 1 · 1: c9 1
 */
const handFiles = (): DataFile[] => {
  const ids = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'r'];
  const kept = ['c1', 'c2', 'c3', 'c4', 'c5', 'c7'];
  const tx = [
    'customer_id,date,revenue,cost',
    ...ids.map((c) => `${c},2023-12-01,100,60`),
    ...kept.map((c) => `${c},2024-03-01,50,30`),
  ];
  return [
    file('transactions', tx.join('\n')),
    file(
      'surveys',
      `customer_id,date,satisfaction,recommend,repurchase_intent
c1,2024-01-15,5,10,5
c1,2024-10-01,3,2,2
c2,2024-01-15,5,9,5
c2,2023-01-01,9,,
c3,2024-01-15,5,8,4
c4,2024-01-15,4,7,3
c5,2024-01-15,4,6,4
c6,2023-06-01,5,10,5
c6,2024-01-15,4,5,2
c7,2024-01-15,2,3,2
c8,2024-01-15,2,0,1
c9,2024-01-15,1,0,1
c10,2024-01-15,3,6,3
x,2024-01-15,5,10,5
r,2024-11-01,4,8,4`,
    ),
    file(
      'customers',
      `customer_id,region,churn_date
c1,North,
c2,North,
c3,South,
c4,North,
c5,South,2024-04-01
c6,South,
c7,North,
c8,South,
c9,North,
c10,South,
r,North,`,
    ),
    file(
      'service_costs',
      `customer_id,amount,date,category
c7,10,2023-12-15,support_call
c7,99,2022-01-01,support_call`,
    ),
  ];
};

const base = { scale: '1-5', window_days: 180, data_end: '2024-12-31', min_n: 1 };

describe('satisfaction analyses on a hand-computed fixture', () => {
  let e: NodeEngine;
  beforeEach(async () => {
    e = await engineWith(handFiles());
  });

  it('curve: rates, n, Wilson intervals, 5-vs-4 ratio and row accounting', async () => {
    const r = await e.runAnalysis('satisfaction-loyalty', base);
    const curve = toRows(r.tables.curve!);
    expect(curve.map((p) => [p.satisfaction, p.n, p.loyal])).toEqual([
      [1, 1, 0],
      [2, 2, 1],
      [3, 1, 0],
      [4, 3, 1],
      [5, 3, 3],
    ]);
    const five = curve[4]!;
    expect(five.low as number).toBeCloseTo(0.4385, 4);
    expect(five.high).toBe(1);
    expect(r.scalars.top_box_ratio).toBeCloseTo(3, 12);
    expect(r.scalars.respondents).toBe(10);
    expect(r.scalars.censored).toBe(1);
    expect(r.scalars.no_transactions).toBe(1);
    expect(r.notes.join('\n')).toMatch(
      /15 survey rows from 12 customers; 11 with a usable response, 10 with a loyalty outcome/,
    );
    expect(r.notes.join('\n')).toMatch(/1 survey rows have no customer id or a score outside 1-5/);
    expect(r.notes.join('\n')).toMatch(/1 respondents answered too recently/);
    expect(r.notes.join('\n')).toMatch(/1 respondents have no transactions at all/);
    expect(r.findings.find((f) => f.id === 'top_box_ratio')?.text).toMatch(
      /Of customers who score 5, 100% retained; of those who score 4, 33%: 3\.0× as likely \(95% CI 0\.6–14\.9×\)\. "Satisfied"/,
    );
    // nobody at 5 left, so there is no loss-rate ratio; the loyalty ratio could be at most 1 ÷ (1/3)
    expect([r.scalars.top_leave_rate, r.scalars.next_leave_rate, r.scalars.leave_ratio]).toEqual([
      0,
      expect.closeTo(2 / 3, 12),
      null,
    ]);
    expect(r.scalars.top_box_ratio_ceiling).toBeCloseTo(3, 12);
    // the outcome is named in the output: scalar, chart title and notes
    expect(r.scalars.outcome).toBe('retained');
    expect(r.charts[0]!.title).toMatch(/share retained by satisfaction/);
    expect(r.notes.join('\n')).toMatch(
      /Loyalty outcome — retained: bought at least once in \(survey date \+ 0, \+ 180 days\] and not churned by its end/,
    );
    expect(r.charts[0]!.data).toBe('curve');
  });

  it('outcome choice changes who counts as loyal: repurchased ignores churn', async () => {
    const r = await e.runAnalysis('satisfaction-loyalty', { ...base, outcome: 'repurchased' });
    expect(toRows(r.tables.curve!).find((p) => p.satisfaction === 4)).toMatchObject({ n: 3, loyal: 2 });
    expect(r.notes.join('\n')).toMatch(/repurchased: bought at least once in \(survey date \+ 0, \+ 180 days\]/);
  });

  it.each([
    // wallet_kept: spend in the window (50) ≥ min × spend in the 180 days before the survey (100)
    [
      { outcome: 'wallet_kept', wallet_kept_min: 0.5 },
      [
        [1, 1, 0],
        [2, 2, 1],
        [3, 1, 0],
        [4, 3, 2],
        [5, 3, 3],
      ],
      /kept share of wallet: spend in .* ≥ 0\.5 × spend in the 180 days up to the survey/,
      'kept their share of wallet',
    ],
    [
      { outcome: 'wallet_kept', wallet_kept_min: 0.6 },
      [
        [1, 1, 0],
        [2, 2, 0],
        [3, 1, 0],
        [4, 3, 0],
        [5, 3, 0],
      ],
      /≥ 0\.6 ×/,
      'kept their share of wallet',
    ],
    // stated_intent: latest response with an intent, censoring does not apply (r counts) and x needs no transactions
    [
      { outcome: 'stated_intent' },
      [
        [1, 1, 0],
        [2, 2, 0],
        [3, 2, 0],
        [4, 4, 2],
        [5, 3, 3],
      ],
      /stated intent: repurchase intent ≥ 4 on 1–5/,
      'intend to repurchase',
    ],
    [
      { outcome: 'stated_intent', intent_min: 5 },
      [
        [1, 1, 0],
        [2, 2, 0],
        [3, 2, 0],
        [4, 4, 0],
        [5, 3, 2],
      ],
      /repurchase intent ≥ 5/,
      'intend to repurchase',
    ],
  ])(
    'outcome %o: loyal counts per level, and the outcome named in notes and titles',
    async (opts, levels, note, label) => {
      const r = await e.runAnalysis('satisfaction-loyalty', { ...base, ...opts });
      expect(toRows(r.tables.curve!).map((p) => [p.satisfaction, p.n, p.loyal])).toEqual(levels);
      expect(r.scalars.outcome).toBe(opts.outcome);
      expect(r.notes.join('\n')).toMatch(note);
      expect(r.charts[0]!.title).toContain(label);
    },
  );

  it('quadrant counts, revenue, profit and the hostages list', async () => {
    const r = await e.runAnalysis('loyalty-quadrant', base);
    expect(toRows(r.tables.quadrant!).map((q) => [q.quadrant, q.customers, q.revenue, q.profit])).toEqual([
      ['apostles', 4, 400, 160],
      ['mercenaries', 2, 200, 80],
      ['hostages', 1, 100, 30], // 100 − 60 − 10 dated cost to serve in the window; the 2022 cost is outside it
      ['defectors', 3, 300, 120],
    ]);
    expect(toRows(r.tables.hostages!)).toEqual([
      {
        customer_id: 'c7',
        segment: 'All',
        satisfaction: 2,
        recommend: 3,
        survey_date: '2024-01-15',
        revenue: 100,
        profit: 30,
      },
    ]);
    expect(r.scalars.hostages).toBe(1);
  });

  it('per-segment curves and steepness by a customers column', async () => {
    const r = await e.runAnalysis('satisfaction-loyalty', { ...base, segment: 'region' });
    const seg = toRows(r.tables.segment_curves!);
    expect(seg.filter((p) => p.segment === 'North').map((p) => [p.satisfaction, p.n, p.loyal])).toEqual([
      [1, 1, 0],
      [2, 1, 1],
      [4, 1, 1],
      [5, 2, 2],
    ]);
    const steep = toRows(r.tables.steepness!);
    expect(steep.map((s) => [s.segment, s.top_step])).toEqual([
      ['North', 0],
      ['South', 1],
    ]);
    expect(r.scalars.steepest_segment).toBe('South');
    expect(r.scalars.flattest_segment).toBe('North');
    expect(r.scalars.steepness_gap).toBe(1);
    expect(r.findings.find((f) => f.id === 'competitive_intensity')?.text).toMatch(
      /In South, dropping one level below the top costs 100 points of loyalty; in North, 0 points/,
    );
    // the segment curves are overlaid in one chart, one line per segment
    const chart = r.charts.find((c) => c.id === 'segment-curves')!;
    expect(chart.data).toBe('segment_curves');
    expect(chart.marks.find((m) => m.type === 'line')).toMatchObject({ y: 'rate_line', stroke: 'segment' });
    expect(r.charts.map((c) => c.id)).toEqual(['curve', 'segment-curves', 'steepness']);
    const bad = await e.runAnalysis('satisfaction-loyalty', { ...base, segment: 'nope' });
    expect(bad.notes.join('\n')).toMatch(/customers has no column "nope"/);
    expect(bad.tables.segment_curves).toBeUndefined();
  });

  it('what-if from 4 to 5 and value at stake', async () => {
    const r = await e.runAnalysis('satisfaction-what-if', { ...base, move_share: 0.5, value_per_loyal: 100 });
    // moved 1.5 customers, (1 − 1/3) each → +1 loyal, × 100
    expect(r.scalars.extra_loyal).toBeCloseTo(1, 12);
    expect(r.scalars.extra_profit).toBeCloseTo(100, 9);
    expect(toRows(r.tables.what_if!).map((w) => w.from_level)).toEqual([1, 2, 3, 4]);
    // value at stake in the scalars, with the zones the curve analysis finds
    const c = await e.runAnalysis('satisfaction-loyalty', base);
    expect(r.scalars.defection_max).toBe(c.scalars.defection_max);
    expect(r.scalars.defection_revenue).toBe(c.scalars.defection_revenue);
  });

  it('what-if from any level: 50% of level 2 (1/2 retained) to level 3 (0/1) loses half a customer ± 1.96·√0.125', async () => {
    const r = await e.runAnalysis('satisfaction-what-if', {
      ...base,
      from_level: 2,
      move_share: 0.5,
      value_per_loyal: 10,
    });
    expect([r.scalars.from_level, r.scalars.to_level, r.scalars.moved]).toEqual([2, 3, 1]);
    expect(r.scalars.extra_loyal).toBeCloseTo(-0.5, 12);
    expect(r.scalars.extra_loyal_low).toBeCloseTo(-0.5 - 1.959964 * Math.sqrt(0.125), 5);
    expect(r.scalars.extra_loyal_high).toBeCloseTo(-0.5 + 1.959964 * Math.sqrt(0.125), 5);
    expect(r.scalars.extra_profit).toBeCloseTo(-5, 12);
    expect(r.scalars.extra_profit_low).toBeCloseTo(10 * (-0.5 - 1.959964 * Math.sqrt(0.125)), 4);
    await expect(e.runAnalysis('satisfaction-what-if', { ...base, from_level: 5 })).rejects.toThrow(
      /invalid from_level: 5/,
    );
  });

  it('word of mouth: every respondent’s latest answer', async () => {
    const r = await e.runAnalysis('word-of-mouth', { scale: '1-5' });
    const w = toRows(r.tables.word_of_mouth!);
    // level 5: c2 9, c3 8, c6? no (latest is 4), x 10 → c1's latest is 3 (2024-10-01)
    expect(w.find((x) => x.satisfaction === 5)).toMatchObject({
      recommend_n: 3,
      promoters_share: 2 / 3,
      detractors_share: 0,
    });
    expect(w.find((x) => x.satisfaction === 2)).toMatchObject({ recommend_n: 2, net_advocacy: -1 });
  });

  it('rejects an unknown option instead of silently using a default', async () => {
    await expect(e.runAnalysis('satisfaction-loyalty', { windw_days: 3 })).rejects.toThrow(
      /unknown option "windw_days"/,
    );
  });
});

describe('0–10 scale, detected', () => {
  it('detects 0–10 and computes net advocacy by level', async () => {
    const e = await engineWith([
      file('transactions', 'customer_id,date,revenue\na,2024-01-01,10\nb,2024-01-01,10'),
      file(
        'surveys',
        'customer_id,date,satisfaction,recommend\na,2024-01-01,0,2\nb,2024-01-01,0,1\nc,2024-01-01,10,10\nd,2024-01-01,10,9\ne,2024-01-01,10,8\nf,2024-01-01,5,7',
      ),
    ]);
    const r = await e.runAnalysis('word-of-mouth', {});
    expect(r.notes[0]).toBe('Scale 0-10 (detected from the scores).');
    expect(toRows(r.tables.word_of_mouth!).map((x) => [x.satisfaction, x.net_advocacy, x.vocal_share])).toEqual([
      [0, -1, 1],
      [5, 0, 0],
      [10, 2 / 3, 2 / 3],
    ]);
    expect(r.notes.join('\n')).toMatch(/4 respondents have no transactions at all/);
  });
});

describe('scale: declared in surveys.scale, detected from the scores, or set by the option', () => {
  const tx = file(
    'transactions',
    'customer_id,date,revenue\na,2024-01-01,10\nb,2024-01-01,10\nc,2024-01-01,10\nd,2024-01-01,10\na,2024-03-01,10',
  );
  const surveys = (rows: string[]) => file('surveys', ['customer_id,date,satisfaction,scale', ...rows].join('\n'));
  it.each([
    [
      'declared 1-10 wins over scores that fit 1–5',
      ['a,2024-01-15,4,1-10', 'b,2024-01-15,2,1-10'],
      {},
      '1-10',
      /^Scale 1-10 \(declared in surveys\.scale\)\.$/,
    ],
    [
      'detected 1–7 from scores up to 7',
      ['a,2024-01-15,7,', 'b,2024-01-15,6,', 'c,2024-01-15,1,'],
      {},
      '1-7',
      /^Scale 1-7 \(detected from the scores\)\.$/,
    ],
    [
      'detected 1–10 from scores above 7',
      ['a,2024-01-15,9,', 'b,2024-01-15,2,'],
      {},
      '1-10',
      /^Scale 1-10 \(detected from the scores\)\.$/,
    ],
    [
      'mixed declared scales: the most frequent, with a note',
      ['a,2024-01-15,5,1-5', 'b,2024-01-15,4,1-5', 'c,2024-01-15,3,1-5', 'd,2024-01-15,0,0-10'],
      {},
      '1-5',
      /mixes 2 scales; the most frequent \(1-5\) is used/,
    ],
    [
      'the option overrides the declared scale',
      ['a,2024-01-15,4,1-10', 'b,2024-01-15,2,1-10'],
      { scale: '1-7' },
      '1-7',
      null,
    ],
  ])('%s', async (_name, rows, opts, id, note) => {
    const e = await engineWith([tx, surveys(rows)]);
    const r = await e.runAnalysis('satisfaction-loyalty', {
      outcome: 'repurchased',
      window_days: 90,
      data_end: '2024-12-31',
      min_n: 1,
      ...opts,
    });
    expect(r.scalars.scale).toBe(id);
    if (note) expect(r.notes.some((n) => note.test(n))).toBe(true);
    const xs = r.charts[0]!.x!;
    expect(xs.label).toBe(`Satisfaction (${id})`);
    // one whole-number tick per level of the scale
    expect([xs.domain, xs.ticks, xs.tickFormat]).toEqual([
      [Number(id.split('-')[0]) - 0.5, Number(id.split('-')[1]) + 0.5],
      Number(id.split('-')[1]) - Number(id.split('-')[0]) + 1,
      'd',
    ]);
  });
  it('drops the 0 that does not fit the chosen 1–5 and counts it', async () => {
    const e = await engineWith([
      tx,
      surveys(['a,2024-01-15,5,1-5', 'b,2024-01-15,4,1-5', 'c,2024-01-15,3,1-5', 'd,2024-01-15,0,0-10']),
    ]);
    const r = await e.runAnalysis('satisfaction-loyalty', {
      outcome: 'repurchased',
      window_days: 90,
      data_end: '2024-12-31',
      min_n: 1,
    });
    expect(r.notes.join('\n')).toMatch(/1 survey rows have no customer id or a score outside 1-5 and were dropped/);
    expect(toRows(r.tables.curve!).map((p) => [p.satisfaction, p.n, p.loyal])).toEqual([
      [3, 1, 0],
      [4, 1, 0],
      [5, 1, 1],
    ]);
  });
});

describe('missing data is explained, not thrown', () => {
  it('no surveys: every analysis says what data is needed', async () => {
    const e = await engineWith([file('transactions', 'customer_id,date,revenue\na,2024-01-01,10')]);
    for (const id of ['satisfaction-loyalty', 'loyalty-quadrant', 'word-of-mouth', 'satisfaction-what-if']) {
      const r = await e.runAnalysis(id, {});
      expect(r.notes).toEqual([MISSING_SURVEYS_NOTE]);
      expect(r.tables).toEqual({});
    }
  });
  it('surveys only: behavioural outcomes say transactions are needed; stated intent and word of mouth still run', async () => {
    const e = await engineWith([
      file(
        'surveys',
        'customer_id,date,satisfaction,recommend,repurchase_intent\na,2024-01-01,5,10,5\nb,2024-01-01,4,6,2\nc,2024-01-01,4,9,4',
      ),
    ]);
    const retained = await e.runAnalysis('satisfaction-loyalty', {});
    expect(retained.tables).toEqual({});
    expect(retained.notes).toEqual([
      expect.stringMatching(
        /The "retained" outcome follows customers in `transactions`, and there are none\. Load transactions, or use outcome: stated_intent/,
      ),
    ]);
    const intent = await e.runAnalysis('satisfaction-loyalty', { outcome: 'stated_intent', min_n: 1 });
    expect(toRows(intent.tables.curve!).map((p) => [p.satisfaction, p.n, p.loyal])).toEqual([
      [4, 2, 1],
      [5, 1, 1],
    ]);
    expect(intent.scalars.top_box_ratio).toBe(2);
    const wom = await e.runAnalysis('word-of-mouth', {});
    expect(toRows(wom.tables.word_of_mouth!).map((x) => [x.satisfaction, x.net_advocacy])).toEqual([
      [4, 0],
      [5, 1],
    ]);
  });

  it('no recommend field: word of mouth is skipped with a note; undated surveys cannot be followed', async () => {
    const e = await engineWith([
      file('transactions', 'customer_id,date,revenue\na,2024-01-01,10'),
      file('surveys', 'customer_id,satisfaction\na,4\nb,5'),
    ]);
    const w = await e.runAnalysis('word-of-mouth', {});
    expect(w.tables).toEqual({});
    expect(w.notes.at(-1)).toMatch(/no "would you recommend" answers/);
    const c = await e.runAnalysis('satisfaction-loyalty', {});
    expect(c.notes[0]).toMatch(/have no date/);
  });
});

const zeroLevel = (satisfaction: number): LevelRow => ({
  segment: 'All',
  satisfaction,
  respondents: 0,
  n: 0,
  loyal: 0,
  recommend_n: 0,
  promoters: 0,
  detractors: 0,
  no_transactions: 0,
  revenue: 0,
  profit: 0,
  revenue_loyal: 0,
  profit_loyal: 0,
  revenue_not_loyal: 0,
  profit_not_loyal: 0,
  profit_after_loyal: 0,
});

/** mulberry32: a tiny seeded PRNG (Tommy Ettinger's public-domain generator). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generated data with a KNOWN retention function: `perLevel` customers at each level answer on
 * 2024-01-15 after buying on 2023-12-01; each is retained (buys again on 2024-05-01) with
 * probability truth(level).
 */
function generated(levels: number[], truth: (s: number) => number, perLevel: number, seed: number): DataFile[] {
  const rand = mulberry32(seed);
  const tx = ['customer_id,date,revenue,cost'];
  const sv = ['customer_id,date,satisfaction'];
  for (const s of levels) {
    for (let i = 0; i < perLevel; i++) {
      const id = `g${s}_${i}`;
      tx.push(`${id},2023-12-01,${(20 + rand() * 80).toFixed(2)},10`);
      sv.push(`${id},2024-01-15,${s}`);
      if (rand() < truth(s)) tx.push(`${id},2024-05-01,${(20 + rand() * 80).toFixed(2)},10`);
    }
  }
  return [file('transactions', tx.join('\n')), file('surveys', sv.join('\n'))];
}

describe('property: the analysis recovers a known retention-by-satisfaction function', () => {
  it.each([
    ['1-5', [1, 2, 3, 4, 5], (s: number) => [0.3, 0.35, 0.4, 0.5, 0.9][s - 1]!, 400, 11],
    ['0-10', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], (s: number) => 0.2 + 0.7 * (s / 10) ** 3, 200, 29],
  ])('scale %s', async (_id, levels, truth, perLevel, seed) => {
    const e = await engineWith(generated(levels, truth, perLevel, seed));
    const r = await e.runAnalysis('satisfaction-loyalty', { window_days: 180, data_end: '2024-12-31' });
    const curve = toRows(r.tables.curve!);
    expect(curve.map((p) => p.satisfaction)).toEqual(levels);
    let covered = 0;
    for (const p of curve) {
      const t = truth(p.satisfaction as number);
      expect(p.n).toBe(perLevel);
      // within 4 standard errors of the true rate at every level
      expect(Math.abs((p.rate as number) - t)).toBeLessThan(4 * Math.sqrt((t * (1 - t)) / perLevel));
      if ((p.low as number) <= t && t <= (p.high as number)) covered++;
    }
    // a 95% interval covers the truth at nearly every level
    expect(covered).toBeGreaterThanOrEqual(levels.length - 1);
    // the zones found on the sample lie within one level of those the same rule finds on the truth
    const truthZones = locateZones(
      loyaltyCurve(
        levels.map((s) => ({ ...zeroLevel(s), n: 1e6, loyal: Math.round(1e6 * truth(s)) })),
        20,
      ),
    );
    expect(Math.abs((r.scalars.affection_min as number) - truthZones.affectionMin!)).toBeLessThanOrEqual(1);
    expect(Math.abs((r.scalars.defection_max as number) - truthZones.defectionMax!)).toBeLessThanOrEqual(1);
  });
});

/** One customer per (level, i): bought before the survey; bought again within the window when i < loyal[level]. */
function exact(levels: number[], loyal: number[], perLevel: number): DataFile[] {
  const tx = ['customer_id,date,revenue,cost'];
  const sv = ['customer_id,date,satisfaction'];
  levels.forEach((s, li) => {
    for (let i = 0; i < perLevel; i++) {
      const id = `x${s}_${i}`;
      tx.push(`${id},2023-12-01,50,10`);
      sv.push(`${id},2024-01-15,${s}`);
      if (i < loyal[li]!) tx.push(`${id},2024-05-01,60,10`);
    }
  });
  return [file('transactions', tx.join('\n')), file('surveys', sv.join('\n'))];
}

describe('scales other than 1–5: headline figures equal the hand count', () => {
  it.each([
    // scale, levels, loyal customers per level (of 10), detected from the maximum score
    ['1-7', [1, 2, 3, 4, 5, 6, 7], [2, 2, 3, 3, 4, 5, 9]],
    ['1-10', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 2, 2, 3, 3, 4, 5, 6, 9]],
  ])('scale %s', async (id, levels, loyal) => {
    const e = await engineWith(exact(levels, loyal, 10));
    const r = await e.runAnalysis('satisfaction-loyalty', { window_days: 180, data_end: '2024-12-31', min_n: 1 });
    const n = levels.length * 10;
    const kept = loyal.reduce((a, b) => a + b, 0);
    const top = loyal.at(-1)! / 10;
    const next = loyal.at(-2)! / 10;
    expect(r.scalars.scale).toBe(id);
    expect(r.scalars.respondents).toBe(n);
    expect(r.scalars.loyalty_rate).toBeCloseTo(kept / n, 12);
    expect(r.scalars.top_level).toBe(levels.at(-1));
    expect(r.scalars.top_rate).toBeCloseTo(top, 12);
    expect(r.scalars.next_rate).toBeCloseTo(next, 12);
    expect(r.scalars.top_box_ratio).toBeCloseTo(top / next, 12);
    const curve = toRows(r.tables.curve!);
    expect(curve.map((p) => p.satisfaction)).toEqual(levels);
    curve.forEach((p, i) => {
      expect(p.n).toBe(10);
      expect(p.rate).toBeCloseTo(loyal[i]! / 10, 12);
    });
  });
});
