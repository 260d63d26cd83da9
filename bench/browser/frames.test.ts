import { describe, expect, it } from 'vitest';
import { frameStats } from './frames.ts';

describe('frameStats', () => {
  it.each([
    // start 0, end 100, frames every 16 ms → last gap 100 − 96 = 4, longest 16
    {
      times: [16, 32, 48, 64, 80, 96],
      start: 0,
      end: 100,
      want: { frames: 6, longestGapMs: 16, gapsOver100ms: 0, fps: 60 },
    },
    // one 300 ms stall between 100 and 400
    {
      times: [50, 100, 400, 450],
      start: 0,
      end: 500,
      want: { frames: 4, longestGapMs: 300, gapsOver100ms: 1, fps: 8 },
    },
    // no frames: the whole call is one gap
    { times: [], start: 10, end: 260, want: { frames: 0, longestGapMs: 250, gapsOver100ms: 1, fps: 0 } },
    // frames outside the window are ignored
    { times: [-5, 5, 15, 30], start: 0, end: 20, want: { frames: 2, longestGapMs: 10, gapsOver100ms: 0, fps: 100 } },
  ])('frames $times in [$start, $end]', ({ times, start, end, want }) => {
    expect(frameStats(times, start, end)).toEqual(want);
  });
});
