import { createHash } from 'node:crypto';
import { type Command, type Driver, Timeseries } from '@kairos/core';
import { type BenchClient, withScripts } from '../clients';
import { entries, INTERVALS } from '../dataset';
import { admin, type Cost, measure } from '../measure';
import type { BenchContext } from './context';

/** Timed runs of each variant, alternated so that a noisy neighbour hits both alike. */
const ROUNDS = 3;

/**
 * The write script as it was before exactly-once (no batch marker, every EXPIRE sent): the
 * baseline that the marker's cost is measured against, in the same run.
 */
const SCRIPT_WITHOUT_MARKER = `-- kairos: apply coalesced writes (baseline without marker)
local SLICE = 4000
local ops = cjson.decode(ARGV[1])
local failure
for i = 1, #ops do
  local op = ops[i]
  local name, key, last = op[1], KEYS[op[2]], #op
  local from = 3
  repeat
    local to = math.min(last, from + SLICE - 1)
    local reply = redis.pcall(name, key, unpack(op, from, to))
    if type(reply) == 'table' and reply.err and not failure then
      failure = reply.err .. ' (command: ' .. name .. ' ' .. key .. ')'
    end
    from = to + 1
  until from > last
end
if failure then return redis.error_reply(failure) end
return #ops`;

/** The SHA1 by which EVALSHA names the baseline script. */
const SHA_WITHOUT_MARKER = createHash('sha1').update(SCRIPT_WITHOUT_MARKER).digest('hex');

/**
 * The same EVAL or EVALSHA without its marker key and TTL argument, run by the baseline
 * script (EVAL loads it, EVALSHA names it, as Kairos sends its own).
 */
function withoutMarker(command: Command): Command {
  if (command[0] !== 'EVAL' && command[0] !== 'EVALSHA') return command;
  const numkeys = Number(command[2]);
  const keys = command.slice(3, 3 + numkeys - 1);
  const ops = command[3 + numkeys]!;
  const script = command[0] === 'EVAL' ? SCRIPT_WITHOUT_MARKER : SHA_WITHOUT_MARKER;
  return [command[0], script, numkeys - 1, ...keys, ops];
}

/** A driver that strips the exactly-once marker from every scripted write. */
function markerless(driver: Driver): Driver {
  return { ...driver, exec: (commands) => driver.exec(commands.map(withoutMarker)) };
}

/**
 * (i) What exactly-once costs: the bulk series of (a) by the scripted path, as shipped and
 * with the batch marker stripped from every EVAL, alternated ROUNDS times in the same run;
 * the best run of each is reported, the baseline as the "ideal" column.
 */
export async function exactlyOnceScenario(
  ctx: BenchContext,
  clients: readonly BenchClient[],
): Promise<void> {
  const { points } = ctx.options;
  const data = entries(points, ctx.now, 'series');
  const scenario = `(i) exactly-once cost: bulk series, ${points.toLocaleString('en')} points`;
  for (const client of clients) {
    const scripted = withScripts(client.driver, true);
    const variants = {
      shipped: new Timeseries(scripted, {
        type: 'series',
        intervals: INTERVALS,
        clock: () => ctx.now,
      }),
      baseline: new Timeseries(markerless(scripted), {
        type: 'series',
        intervals: INTERVALS,
        clock: () => ctx.now,
      }),
    };
    const best: Record<keyof typeof variants, Cost | undefined> = {
      shipped: undefined,
      baseline: undefined,
    };
    for (let round = 0; round <= ROUNDS; round++) {
      for (const name of ['baseline', 'shipped'] as const) {
        await admin(ctx.port, ['FLUSHALL']);
        const cost = await measure(ctx.port, () => variants[name].bulkInsert(data));
        // Round 0 warms the JIT and Redis' script cache.
        if (round > 0 && (!best[name] || cost.ms < best[name]!.ms)) best[name] = cost;
      }
    }
    const rate = (cost: Cost) => points / (cost.ms / 1000);
    const baseline = rate(best.baseline!);
    ctx.record({
      scenario,
      client: client.label,
      path: 'Kairos, scripted, without the batch marker (baseline)',
      value: baseline,
      unit: 'points/s',
      ideal: baseline,
      cost: best.baseline!,
    });
    const shipped = rate(best.shipped!);
    ctx.record({
      scenario,
      client: client.label,
      path: 'Kairos, scripted, exactly once (as shipped)',
      value: shipped,
      unit: 'points/s',
      ideal: baseline,
      floor: 0.9 * baseline,
      cost: best.shipped!,
      note: `costs ${(100 * (1 - shipped / baseline)).toFixed(1)} % of the baseline's throughput (best of ${ROUNDS} alternated runs)`,
    });
  }
  await admin(ctx.port, ['FLUSHALL']);
}
