/**
 * Main-thread responsiveness while the worker computes: the page counts animation frames and keeps
 * the gaps between them. A long gap means the UI thread was blocked (e.g. by structured-clone of a
 * large result); the worker itself never blocks frames. Pure: the page feeds it timestamps.
 */

/** What the frames during one timed call looked like. */
export interface FrameStats {
  /** Animation frames delivered during the call. */
  frames: number;
  /** Longest gap between consecutive frames (including call start → first frame and last frame → call end), ms. */
  longestGapMs: number;
  /** Gaps longer than 100 ms (a user would notice a pause). */
  gapsOver100ms: number;
  /** Frames per second over the call. */
  fps: number;
}

/**
 * Summarises frame timestamps `times` (ms, ascending) seen between `start` and `end`.
 * With no frame at all the longest gap is the whole call.
 */
export function frameStats(times: readonly number[], start: number, end: number): FrameStats {
  const inside = times.filter((t) => t >= start && t <= end);
  const points = [start, ...inside, end];
  let longest = 0;
  let over = 0;
  for (let i = 1; i < points.length; i++) {
    const gap = points[i]! - points[i - 1]!;
    if (gap > longest) longest = gap;
    if (gap > 100) over++;
  }
  const duration = end - start;
  return {
    frames: inside.length,
    longestGapMs: longest,
    gapsOver100ms: over,
    fps: duration > 0 ? (inside.length * 1000) / duration : 0,
  };
}
