import worldFile from '../../data/antimony/world.json' with { type: 'json' };
import type { WorldFile } from './file.ts';
import { resolveWorld } from './load.ts';
import type { World } from './types.ts';

/** The antimony world file as shipped (data/antimony/world.json), for docs and validators. */
export const ANTIMONY_WORLD_FILE = worldFile as unknown as WorldFile;

/** Data vintages the antimony world knows; `mcs2026` is the default (see docs/model.md). */
export const ANTIMONY_VINTAGES = Object.keys(ANTIMONY_WORLD_FILE.vintages) as readonly string[];

/** The calibrated antimony world for one USGS vintage (default 'mcs2026'). */
export function antimonyWorld(vintage: string = ANTIMONY_WORLD_FILE.defaultVintage): World {
  return resolveWorld(ANTIMONY_WORLD_FILE, vintage);
}
