import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashLog, isStibiumError, replay, Simulation, StibiumError } from '../../src/index.ts';
import { loadNdjsonLog, readNdjsonHeader, readNdjsonLog } from '../../src/storage/ndjson-reader.ts';
import { NdjsonLogWriter, writeNdjsonLog } from '../../src/storage/ndjson-writer.ts';
import { createShop, shopDecider } from '../support/shop.ts';
import { tempDir } from '../support/tmp.ts';

const dir = tempDir('stibium-ndjson-');

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function corruptError(file: string): Promise<StibiumError> {
  try {
    await collect(readNdjsonLog(file));
  } catch (error) {
    if (isStibiumError(error, 'LOG_CORRUPT')) return error;
    throw error;
  }
  throw new Error(`reading ${file} did not fail`);
}

describe('NDJSON log storage', () => {
  it('round-trips a run: same hash, same entries, replay gives the final state', async () => {
    // given a finished stochastic run
    const model = createShop(11);
    model.run({ until: 300 });
    const log = model.log!;
    const file = join(dir, 'shop.ndjson');
    // when it is written and read back
    const written = writeNdjsonLog(file, log, { seed: 11, meta: { model: 'shop' } });
    const loaded = await loadNdjsonLog(file);
    // then the hash, the header and the state by replay agree with the run
    expect(written).toBe(log.digest());
    expect(loaded.hash).toBe(log.digest());
    expect(hashLog(loaded.log)).toBe(model.hash());
    expect(loaded.header).toEqual({ format: 'stibium-log', version: 3, seed: '11', meta: { model: 'shop' } });
    expect(loaded.log.toArray()).toEqual(log.toArray());
    expect(replay(loaded.log, shopDecider)).toEqual(model.state);
    expect(replay(loaded.log, shopDecider, 150)).toEqual(replay(log, shopDecider, 150));
    expect(await readNdjsonHeader(file)).toEqual(loaded.header);
  });

  it('writes one canonical JSON line per entry between a header and an end line', () => {
    const file = join(dir, 'lines.ndjson');
    const hash = writeNdjsonLog(file, [{ seq: 0, time: 1.5, type: 'A', data: { z: 1, a: [true, null] } }, { seq: 1, time: 2, type: 'B', data: undefined }], { seed: 'x' });
    expect(readFileSync(file, 'utf8').split('\n')).toEqual([
      '{"format":"stibium-log","meta":{},"seed":"x","version":3}',
      '{"data":{"a":[true,null],"z":1},"seq":0,"time":1.5,"type":"A"}',
      '{"seq":1,"time":2,"type":"B"}',
      `{"count":2,"end":true,"hash":"${hash}"}`,
      '',
    ]);
  });

  it('reads up to time t for replay at t', async () => {
    // given a stored run
    const model = createShop(12);
    model.run({ until: 100 });
    const file = join(dir, 'until.ndjson');
    writeNdjsonLog(file, model.log!, { seed: 12 });
    // when only entries up to t = 40 are read
    const partial = await loadNdjsonLog(file, { until: 40 });
    // then they are exactly the prefix with time <= 40, and replay gives the state at 40
    const prefix = model.log!.toArray().filter((e) => e.time <= 40);
    expect(partial.log.toArray()).toEqual(prefix);
    expect(replay(partial.log, shopDecider)).toEqual(replay(model.log!, shopDecider, 40));
  });

  it('follows a live run through recorded$ and round-trips events with undefined data', async () => {
    // given a kernel whose plain-data events carry no data, written live
    const file = join(dir, 'live.ndjson');
    const writer = NdjsonLogWriter.create(file, { seed: 3 });
    const sim = new Simulation({ seed: 3, record: true });
    sim.recorded$.subscribe((event) => writer.append(event));
    const tick = sim.define<undefined>('Tick', (_d, s) => {
      if (s.now < 50) s.schedule(1, tick);
    });
    sim.schedule(0, tick);
    sim.run();
    // when the writer is closed and the file read back
    expect(existsSync(file)).toBe(false);
    const hash = writer.close();
    const loaded = await loadNdjsonLog(file);
    // then nothing was lost
    expect(hash).toBe(sim.log!.digest());
    expect(loaded.hash).toBe(sim.log!.digest());
    expect(loaded.log.length).toBe(51);
  });

  it('never leaves a complete-looking file when a write is interrupted', async () => {
    // given a writer that has written entries but is never closed
    const file = join(dir, 'interrupted.ndjson');
    const writer = NdjsonLogWriter.create(file, { seed: 1 });
    writer.append({ seq: 0, time: 0, type: 'A', data: 1 });
    // then the final path does not exist, only the partial one
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(true);
    // and abort removes the partial file
    writer.abort();
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('refuses appends out of order with INVALID_ARGUMENT and keeps the old file on failure', () => {
    const file = join(dir, 'bad-append.ndjson');
    writeFileSync(file, 'previous');
    expect(() => writeNdjsonLog(file, [{ seq: 1, time: 0, type: 'A', data: 1 }], { seed: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('expected seq 0, got 1') }),
    );
    expect(readFileSync(file, 'utf8')).toBe('previous');
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(() => writeNdjsonLog(file, [{ seq: 0, time: 2, type: 'A', data: 1 }, { seq: 1, time: 1, type: 'A', data: 1 }], { seed: 1 })).toThrow(/goes back in time/);
  });

  describe('corrupt input raises LOG_CORRUPT naming the file and line', () => {
    const good = join(dir, 'good.ndjson');
    writeNdjsonLog(good, [0, 1, 2].map((i) => ({ seq: i, time: i, type: 'T', data: { i } })), { seed: 5 });
    const lines = readFileSync(good, 'utf8').split('\n');

    const cases: ReadonlyArray<readonly [string, string, number, RegExp]> = [
      ['bad JSON', [lines[0], lines[1], '{"seq":1,', ...lines.slice(3)].join('\n'), 3, /not valid JSON/],
      ['a gap in seq', [lines[0], lines[1], lines[3], lines[4]].join('\n'), 3, /expected seq 1, got 2/],
      ['time going back', [lines[0], '{"seq":0,"time":5,"type":"T"}', '{"seq":1,"time":4,"type":"T"}'].join('\n'), 3, /goes back in time/],
      ['a missing header', lines.slice(1).join('\n'), 1, /format/],
      ['another version', [lines[0]!.replace('"version":3', '"version":99'), ...lines.slice(1)].join('\n'), 1, /version 99 is not supported/],
      ['the previous version (another hash)', [lines[0]!.replace('"version":3', '"version":2'), ...lines.slice(1)].join('\n'), 1, /version 2 is not supported \(this engine reads 3\)/],
      ['truncation (no end line)', lines.slice(0, 3).join('\n'), 4, /truncated/],
      ['a tampered entry', [lines[0], lines[1]!.replace('"i":0', '"i":7'), ...lines.slice(2)].join('\n'), 5, /hash to/],
      ['a wrong count', [...lines.slice(0, 4), lines[4]!.replace('"count":3', '"count":4')].join('\n'), 5, /counts 4 entries/],
      ['an empty file', '', 1, /empty/],
      ['an array line', [lines[0], '[1,2]'].join('\n'), 2, /JSON object/],
    ];
    for (const [name, text, line, pattern] of cases) {
      it(name, async () => {
        const file = join(dir, `corrupt-${name.replace(/\W+/g, '-')}.ndjson`);
        writeFileSync(file, text);
        const error = await corruptError(file);
        expect(error.message).toMatch(pattern);
        expect(error.message.startsWith(`${file}:${line}: `)).toBe(true);
        expect(error.detail).toEqual({ file, line });
      });
    }
  });
});
