/** Words and styles for a cell's run status. */
import type { CellStatus } from '../../notebook/runtime/state.ts';

/** Label shown in a cell's status chip. */
export const statusLabel: Record<CellStatus, string> = {
  idle: 'Not run',
  queued: 'Queued',
  running: 'Running…',
  ok: 'Done',
  error: 'Error',
  blocked: 'Blocked',
};
