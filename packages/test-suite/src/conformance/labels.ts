import { InvalidValueError, parseKey } from '@kairos/core';
import { collect, failureOf } from '../support/failure';
import type { SuiteContext } from './context';
import { NOW } from './model';

/** Labels: setLabels/labels, filters, reads by filter (per name, groupBy, reduce), the index. */
export function labelTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const minute = { minute: { step: 60 } };
  const fine = { hour: { step: 3600, resolution: 60 } };

  /** Four names: api in eu and us, db in eu, and web without a region. */
  async function seeded<T extends 'series' | 'count'>(type: T, cluster = false) {
    const f = ctx.fresh({ type, read: Number, intervals: { ...minute, ...fine }, cluster });
    await f.t.setLabels('api.eu', { service: 'api', region: 'eu' });
    await f.t.setLabels('api.us', { service: 'api', region: 'us' });
    await f.t.setLabels('db.eu', { service: 'db', region: 'eu' });
    await f.t.setLabels('web', { service: 'web' });
    await f.t.insert('api.eu', [10, 20], { timestamp: NOW });
    await f.t.insert('api.eu', [30], { timestamp: NOW + 60 });
    await f.t.insert('api.us', [1, 2, 3], { timestamp: NOW });
    await f.t.insert('db.eu', [5], { timestamp: NOW + 120 });
    await f.t.insert('web', [7], { timestamp: NOW });
    return f;
  }

  ctx.api.describe('labels', () => {
    ctx.test('setLabels replaces a name’s labels; labels() reads them, {} when none', async () => {
      const f = ctx.fresh({ type: 'count', intervals: minute });
      expect(await f.t.labels('a')).toEqual({});
      await f.t.setLabels('a', { service: 'api', region: 'eu' });
      expect(await f.t.labels('a')).toEqual({ service: 'api', region: 'eu' });
      await f.t.setLabels('a', { service: 'db', tier: '1' });
      expect(await f.t.labels('a')).toEqual({ service: 'db', tier: '1' });
      expect(await f.t.list({ filter: 'service=api' })).toEqual([]);
      expect(await f.t.list({ filter: 'region!= service=db' })).toEqual([]);
      await f.t.setLabels('a', {});
      expect(await f.t.labels('a')).toEqual({});
      expect(await f.t.list({ filter: 'service=db' })).toEqual([]);
      expect(await f.keys()).toEqual([]);
    });

    ctx.test('filters: =, !=, lists, absent and present; all terms hold; sorted', async () => {
      const f = await seeded('series');
      const list = (filter: string) => f.t.list({ filter });
      expect(await list('service=api')).toEqual(['api.eu', 'api.us']);
      expect(await list('region=eu')).toEqual(['api.eu', 'db.eu']);
      expect(await list('region=eu service!=db')).toEqual(['api.eu']);
      expect(await list('service=(api,web)')).toEqual(['api.eu', 'api.us', 'web']);
      expect(await list('service=(api,db,web) region!=(us,eu)')).toEqual(['web']);
      expect(await list('service=(api,db,web) region=')).toEqual(['web']);
      expect(await list('service=(api,db,web) region!=')).toEqual(['api.eu', 'api.us', 'db.eu']);
      expect(await list('  service=api   region=us ')).toEqual(['api.us']);
      expect(await list('service=nothing')).toEqual([]);
      expect(await list('colour=red')).toEqual([]);
    });

    ctx.test(
      'a bad filter is an InvalidValueError naming the term, before anything is sent',
      async () => {
        const f = ctx.fresh({ type: 'count', intervals: minute });
        for (const [filter, term] of [
          ['service', 'service'],
          ['service=api region=(eu', 'region=(eu'],
          ['=api', '=api'],
          ['service=a b=()', 'b=()'],
          ['service=api x=a,b', 'x=a,b'],
        ] as const) {
          const error = await failureOf(() => f.t.list({ filter }));
          expect(error).toBeInstanceOf(InvalidValueError);
          expect((error as Error).message).toContain(JSON.stringify(term));
        }
        for (const filter of ['', '   ', 'region!=eu', 'region=', 'region!=']) {
          expect(await failureOf(() => f.t.list({ filter }))).toBeInstanceOf(InvalidValueError);
        }
        expect(f.sent).toEqual([]);
      },
    );

    ctx.test('get, series and iterate by filter: a Map per name, as the named reads', async () => {
      const f = await seeded('series');
      const selector = { filter: 'service=api' };
      const byName = await f.t.series(selector, 'minute', { start: NOW, end: NOW + 120 });
      expect([...byName.keys()]).toEqual(['api.eu', 'api.us']);
      for (const name of ['api.eu', 'api.us']) {
        expect(byName.get(name)).toEqual(
          await f.t.series(name, 'minute', { start: NOW, end: NOW + 120 }),
        );
        expect((await f.t.get(selector, 'hour', { timestamp: NOW })).get(name)).toEqual(
          await f.t.get(name, 'hour', { timestamp: NOW }),
        );
      }
      expect(await collect(f.t.iterate(selector, 'minute', { transform: 'count' }))).toEqual([
        [
          NOW,
          new Map([
            ['api.eu', 2],
            ['api.us', 3],
          ]),
        ],
        [
          NOW + 60,
          new Map([
            ['api.eu', 1],
            ['api.us', 0],
          ]),
        ],
      ]);
      expect(await f.t.series({ filter: 'service=none' }, 'minute')).toEqual(new Map());
      expect(await collect(f.t.iterate({ filter: 'service=none' }, 'minute'))).toEqual([]);
    });

    ctx.test(
      'groupBy: raw data of each group joined, then the transform; unlabelled names left out',
      async () => {
        const f = await seeded('series');
        const grouped = await f.t.series(
          { filter: 'service=(api,db,web)', groupBy: 'region' },
          'minute',
          { start: NOW, end: NOW + 120, transform: 'mean' },
        );
        expect([...grouped.keys()]).toEqual(['eu', 'us']);
        expect(grouped.get('eu')).toEqual(
          await f.t.series(['api.eu', 'db.eu'], 'minute', {
            start: NOW,
            end: NOW + 120,
            transform: 'mean',
          }),
        );
        // The true mean of every value of the group, not a mean of means.
        expect(grouped.get('eu')?.get(NOW)).toBe(15);
        expect(grouped.get('us')?.get(NOW)).toBe(2);
        const fineGroups = await f.t.series({ filter: 'region=eu', groupBy: 'service' }, 'hour', {
          start: NOW,
          end: NOW,
        });
        expect(fineGroups.get('api')).toEqual(
          await f.t.series('api.eu', 'hour', { start: NOW, end: NOW }),
        );
      },
    );

    ctx.test('reduce: the per-name transformed values of each group at each time', async () => {
      const f = await seeded('series');
      const read = (reduce: 'sum' | 'min' | 'max' | 'mean' | 'count') =>
        f.t.series({ filter: 'service=(api,db)', groupBy: 'region', reduce }, 'minute', {
          start: NOW,
          end: NOW + 120,
          transform: 'mean',
        });
      // eu per name: api.eu 15, 30, null; db.eu null, null, 5.
      expect((await read('sum')).get('eu')).toEqual(
        new Map([
          [NOW, 15],
          [NOW + 60, 30],
          [NOW + 120, 5],
        ]),
      );
      expect((await read('max')).get('us')).toEqual(
        new Map([
          [NOW, 2],
          [NOW + 60, null],
          [NOW + 120, null],
        ]),
      );
      expect((await read('count')).get('eu')).toEqual(
        new Map([
          [NOW, 1],
          [NOW + 60, 1],
          [NOW + 120, 1],
        ]),
      );
      const c = await seeded('count');
      const sums = await c.t.get(
        { filter: 'service=(api,db)', groupBy: 'region', reduce: 'min' },
        'minute',
        {
          timestamp: NOW,
        },
      );
      expect(sums).toEqual(
        new Map([
          ['eu', new Map([[NOW, 0]])],
          ['us', new Map([[NOW, 6]])],
        ]),
      );
      expect(
        await failureOf(() => f.t.get({ filter: 'service=api', reduce: 'sum' }, 'minute')),
      ).toBeInstanceOf(InvalidValueError);
      // Series data is a list: reducing it needs a transform to a number.
      expect(
        await failureOf(() =>
          f.t.get({ filter: 'service=api', groupBy: 'region', reduce: 'sum' }, 'minute', {
            timestamp: NOW,
          }),
        ),
      ).toBeInstanceOf(InvalidValueError);
    });

    ctx.test('insert and bulkInsert set labels with the write, once per name', async () => {
      const f = ctx.fresh({ type: 'count', intervals: minute });
      await Promise.all(
        Array.from({ length: 50 }, () =>
          f.t.insert('a', 1, { timestamp: NOW, labels: { k: 'v' } }),
        ),
      );
      expect(await f.t.labels('a')).toEqual({ k: 'v' });
      const own = f.sent.filter((c) => c[0] === 'HGETALL' && String(c[1]).includes(':labels:'));
      expect(own.length).toBe(2); // one update for the 50 inserts, one labels() read
      await f.t.bulkInsert(
        [
          [NOW, { b: [1, 2], c: [3] }],
          [NOW + 60, { b: [4] }],
        ],
        { labels: (name) => (name === 'b' ? { k: 'w' } : undefined) },
      );
      expect(await f.t.labels('b')).toEqual({ k: 'w' });
      expect(await f.t.labels('c')).toEqual({});
      await f.t.bulkInsert([[NOW, { c: [1] }]], { labels: { k: 'v', z: '1' } });
      expect(await f.t.list({ filter: 'k=v' })).toEqual(['a', 'c']);
      expect(await f.t.get('a', 'minute', { timestamp: NOW })).toEqual(new Map([[NOW, 50]]));
      const bad = await failureOf(() => f.t.insert('a', 1, { labels: { 'bad label': 'v' } }));
      expect(bad).toBeInstanceOf(InvalidValueError);
      expect(await f.t.get('a', 'minute', { timestamp: NOW })).toEqual(new Map([[NOW, 50]]));
    });

    ctx.test(
      'the index: documented keys, never a series for list, properties or kairos parsing',
      async () => {
        const f = await seeded('count');
        const base = f.prefix;
        const keys = await f.keys();
        const index = keys.filter((key) => key.startsWith(`${base}:`));
        expect(index).toContain(`${base}:labels:{api.eu}`);
        expect(index).toContain(`${base}:label:region`);
        expect(index).toContain(`${base}:label:service=api`);
        const layout = { prefix: base, hashTag: ctx.driver().cluster };
        for (const key of index) {
          expect(parseKey(layout, key)).toBe(undefined);
          expect(parseKey({ prefix: base, hashTag: !layout.hashTag }, key)).toBe(undefined);
          // Python kairos reads `<prefix><name>:<interval>:<bucket>`: the name part here is empty.
          expect(key.slice(base.length).split(':')[0]).toBe('');
        }
        expect(await f.t.list()).toEqual(['api.eu', 'api.us', 'db.eu', 'web']);
        expect(Object.keys(await f.t.properties('api.eu')).sort()).toEqual(['hour', 'minute']);
      },
    );

    ctx.test('delete and deleteAll keep the index consistent', async () => {
      const f = await seeded('count');
      await f.t.delete('api.eu');
      expect(await f.t.labels('api.eu')).toEqual({});
      expect(await f.t.list({ filter: 'service=api' })).toEqual(['api.us']);
      expect(await f.t.list({ filter: 'service=(api,db,web) region!=' })).toEqual([
        'api.us',
        'db.eu',
      ]);
      await f.t.deleteAll();
      expect(await f.keys()).toEqual([]);
      expect(await f.t.list({ filter: 'service=(api,db,web)' })).toEqual([]);
    });

    ctx.test('a read by filter takes the same round trips for 3 names as for 30', async () => {
      const f = ctx.fresh({ type: 'count', intervals: fine });
      for (let n = 0; n < 30; n++) {
        await f.t.insert(`n${n}`, 1, {
          timestamp: NOW + n * 60,
          labels: { group: n < 3 ? 'few' : 'many', all: 'yes' },
        });
      }
      const tripsOf = async (filter: string) => {
        const before = f.batches.length;
        await f.t.series({ filter, groupBy: 'group' }, 'hour', { start: NOW, end: NOW });
        return f.batches.length - before;
      };
      const few = await tripsOf('group=few');
      expect(few).toBeLessThanOrEqual(4); // index (2), then the data (2 for a fine interval)
      expect(await tripsOf('all=yes')).toBe(few);
    });

    ctx.test('a cluster layout (hash tags) keeps every command to one key', async () => {
      const f = await seeded('series', true);
      expect(await f.t.list({ filter: 'region=eu' })).toEqual(['api.eu', 'db.eu']);
      const grouped = await f.t.get({ filter: 'region=eu', groupBy: 'region' }, 'minute', {
        timestamp: NOW,
        transform: 'sum',
      });
      expect(grouped).toEqual(new Map([['eu', new Map([[NOW, 30]])]]));
      // A name's own labels share its data's hash tag, so they live in the data's slot.
      const keys = await f.keys();
      expect(keys).toContain(`${f.prefix}:labels:{api.eu}`);
      expect(keys.some((key) => key.startsWith(`${f.prefix}{api.eu}:minute:`))).toBe(true);
      // Every index command names one key (a second key would be a cross-slot command).
      const indexCommands = f.sent.filter((c) => String(c[1]).startsWith(`${f.prefix}:label`));
      expect(indexCommands.length).toBeGreaterThanOrEqual(1);
      for (const [name, , ...rest] of indexCommands) {
        expect(rest.some((arg) => String(arg).startsWith(f.prefix))).toBe(false);
        expect(['HGETALL', 'HMGET', 'HSET', 'HDEL', 'SADD', 'SREM', 'SMEMBERS']).toContain(name);
      }
      expect(f.sent.some((c) => c[0] === 'DEL' && c.length > 2)).toBe(false);
    });
  });
}
