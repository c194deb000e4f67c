import type { Command } from '@stibium/core';
import type { WorldIntervention } from './interventions.ts';

/** Clear month `month` (an integer index): produce, process, trade, price. Scheduled at t = month + 1. */
export type ClearMonth = Command<'ClearMonth', { readonly month: number }>;

/** Apply an intervention at the command's time (the scheduled time is the intervention's date). */
export type ApplyIntervention = Command<
  'ApplyIntervention',
  { readonly id: string; readonly intervention: WorldIntervention; readonly source?: string }
>;

/** Every command the world decider accepts. */
export type WorldCommand = ClearMonth | ApplyIntervention;
