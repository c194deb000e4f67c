import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hashLog, replay } from '../../src/index.ts';
import { SqliteLogStore, writeSqliteLog } from '../../src/storage/sqlite.ts';
import { createShop, shopDecider } from '../support/shop.ts';
import { tempDir } from '../support/tmp.ts';

const dir = tempDir('stibium-sqlite-');

describe('SQLite log store', () => {
  it('round-trips a run: hash() equals log.digest(), replay gives the final state', () => {
    // given a finished run
    const model = createShop(21);
    model.run({ until: 400 });
    const log = model.log!;
    const file = join(dir, 'shop.sqlite');
    // when it is stored in small batches and opened again
    const store = SqliteLogStore.create(file, { seed: 21, meta: { model: 'shop' }, batchSize: 37 });
    store.appendAll(log);
    expect(store.hash()).toBe(log.digest());
    const closedHash = store.close();
    const back = SqliteLogStore.open(file);
    // then everything agrees with the in-memory run
    expect(closedHash).toBe(log.digest());
    expect(back.hash()).toBe(log.digest());
    expect(back.verify()).toBe(log.digest());
    expect(back.end).toEqual({ count: log.length, hash: log.digest() });
    expect(back.length).toBe(log.length);
    expect(back.header).toEqual({ format: 'stibium-log', version: 3, seed: '21', meta: { model: 'shop' } });
    const readBack = back.readLog();
    expect(hashLog(readBack)).toBe(model.hash());
    expect(readBack.toArray()).toEqual(log.toArray());
    expect(replay(readBack, shopDecider)).toEqual(model.state);
    expect(replay(readBack, shopDecider, 200)).toEqual(replay(log, shopDecider, 200));
    back.close();
  });

  it('reads back up to time t for replay at t', () => {
    const model = createShop(22);
    model.run({ until: 120 });
    const file = join(dir, 'until.sqlite');
    writeSqliteLog(file, model.log!, { seed: 22 });
    const store = SqliteLogStore.open(file);
    const upTo = store.readLog({ until: 60 });
    expect(upTo.toArray()).toEqual(model.log!.toArray().filter((e) => e.time <= 60));
    expect(replay(upTo, shopDecider)).toEqual(replay(model.log!, shopDecider, 60));
    store.close();
  });

  it('stores data as canonical JSON and absent data as NULL, so hashes survive', () => {
    // given entries with nested data, undefined data and null data
    const entries = [
      { seq: 0, time: 0, type: 'A', data: { b: 2, a: { d: [1, 'x'], c: -0 } } },
      { seq: 1, time: 0.1, type: 'B', data: undefined },
      { seq: 2, time: 7, type: 'C', data: null },
    ];
    const file = join(dir, 'data.sqlite');
    // when written and read back
    const hash = writeSqliteLog(file, entries, { seed: 1 });
    // then the raw rows are canonical and the hash is the in-memory one
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT seq, time, type, data FROM events ORDER BY seq').all()).toEqual([
      { seq: 0, time: 0, type: 'A', data: '{"a":{"c":0,"d":[1,"x"]},"b":2}' },
      { seq: 1, time: 0.1, type: 'B', data: null },
      { seq: 2, time: 7, type: 'C', data: 'null' },
    ]);
    raw.close();
    expect(hash).toBe(hashLog(entries));
    const store = SqliteLogStore.open(file);
    expect(store.hash()).toBe(hashLog(entries));
    store.close();
  });

  it('never leaves a complete-looking store when a write is interrupted', () => {
    // given a store written but not closed
    const file = join(dir, 'interrupted.sqlite');
    const store = SqliteLogStore.create(file, { seed: 1, batchSize: 1 });
    store.append({ seq: 0, time: 0, type: 'A', data: 1 });
    // then only the partial file exists, and it does not open as a log
    expect(existsSync(file)).toBe(false);
    expect(() => SqliteLogStore.open(`${file}.partial`)).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT', message: expect.stringMatching(/incomplete/) }));
    store.abort();
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('refuses out-of-order appends and writing to a store opened for reading', () => {
    const file = join(dir, 'order.sqlite');
    expect(() => writeSqliteLog(file, [{ seq: 0, time: 1, type: 'A', data: 1 }, { seq: 2, time: 1, type: 'A', data: 1 }], { seed: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('expected seq 1, got 2') }),
    );
    expect(existsSync(file)).toBe(false);
    writeSqliteLog(file, [], { seed: 1 });
    const store = SqliteLogStore.open(file);
    expect(store.length).toBe(0);
    expect(() => store.append({ seq: 0, time: 0, type: 'A', data: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    store.close();
    expect(() => [...store.entries()]).toThrow(/closed/);
  });

  it('raises LOG_CORRUPT naming the file for foreign files and bad rows', () => {
    // a file that is not SQLite
    const text = join(dir, 'not-a-db.sqlite');
    writeFileSync(text, 'hello, this is not a database file at all, just text padding it out');
    expect(() => SqliteLogStore.open(text)).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT', message: expect.stringContaining(text) }));
    // a SQLite file without the meta table
    const foreign = join(dir, 'foreign.sqlite');
    new Database(foreign).exec('CREATE TABLE x (a INTEGER)').close();
    expect(() => SqliteLogStore.open(foreign)).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT', message: expect.stringContaining(foreign) }));
    // a store with a gap in seq
    const gap = join(dir, 'gap.sqlite');
    writeSqliteLog(gap, [0, 1, 2].map((i) => ({ seq: i, time: i, type: 'T', data: i })), { seed: 1 });
    new Database(gap).exec('DELETE FROM events WHERE seq = 1').close();
    const store = SqliteLogStore.open(gap);
    expect(() => store.readLog()).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT', message: `${gap}: events row seq 2: expected seq 1, got 2 (a log is contiguous from 0)` }));
    store.close();
    // a store with unparsable data
    const badData = join(dir, 'bad-data.sqlite');
    writeSqliteLog(badData, [{ seq: 0, time: 0, type: 'T', data: 1 }], { seed: 1 });
    new Database(badData).exec(`UPDATE events SET data = '{oops'`).close();
    const bad = SqliteLogStore.open(badData);
    expect(() => bad.readLog()).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT', message: expect.stringMatching(/seq 0: data is not JSON/) }));
    expect(() => bad.verify()).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT', message: expect.stringMatching(/seq 0: data is not JSON/) }));
    bad.close();
    // a store whose data was edited to other valid JSON: the hash no longer matches
    const edited = join(dir, 'edited.sqlite');
    writeSqliteLog(edited, [{ seq: 0, time: 0, type: 'T', data: { a: 1 } }], { seed: 1 });
    new Database(edited).exec(`UPDATE events SET data = '{"a":2}'`).close();
    const changed = SqliteLogStore.open(edited);
    expect(() => changed.verify()).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT', message: expect.stringMatching(/hash to/) }));
    changed.close();
  });
});
