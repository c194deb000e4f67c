import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { PackedGroup } from '../results/packed.ts';
import { executePacked, type ExecutionContext } from './execute.ts';

/** A task of the pool: run indices [from, to) of every case. */
export interface RunTask {
  readonly from: number;
  readonly to: number;
}

/**
 * The piscina worker: executes one task with the context given at pool start. The groups'
 * CSV bytes and values are moved to the main thread, not copied, when they own their
 * buffers (a small Buffer may sit in Node's shared pool, which cannot move).
 */
export default async function runTask(task: RunTask): Promise<PackedGroup[]> {
  const groups = await executePacked(workerData as ExecutionContext, task.from, task.to);
  const buffers: ArrayBuffer[] = [];
  const own = (view: ArrayBufferView | undefined): void => {
    if (view !== undefined && view.byteOffset === 0 && view.buffer instanceof ArrayBuffer && view.byteLength === view.buffer.byteLength) buffers.push(view.buffer);
  };
  for (const group of groups) {
    own(group.csv);
    for (const output of group.outputs) own(output.values);
  }
  return move({ [transferableSymbol]: buffers, [valueSymbol]: groups }) as unknown as PackedGroup[];
}
