import { workerData } from 'piscina';
import { executeRuns, type ExecutionContext } from './execute.ts';
import type { RunGroup } from './types.ts';

/** A task of the pool: run indices [from, to) of every case. */
export interface RunTask {
  readonly from: number;
  readonly to: number;
}

/** The piscina worker: executes one task with the context given at pool start. */
export default function runTask(task: RunTask): Promise<RunGroup[]> {
  return executeRuns(workerData as ExecutionContext, task.from, task.to);
}
