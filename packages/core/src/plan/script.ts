import type { Command, Driver, Reply } from '../driver';
import { StorageError } from '../errors';
import { markerKey } from '../keys';

/** True when the driver declared that it runs EVAL commands ({@link Driver.scripts}). */
export function supportsScripts(driver: Driver): boolean {
  return driver.scripts === true;
}

/**
 * Applies a JSON list of `[command, keyIndex, ...args]` to the declared KEYS, at most once.
 * The client's cost is per argument and per command, not per byte, so a whole chunk travels
 * as one EVAL with one JSON argument, decoded in C by Redis' bundled cjson. Every command
 * runs even when one fails (as in a pipeline); the first failure is returned as an error
 * naming it. Only RPUSH and SADD may carry more arguments than one Lua call can unpack: they
 * are split into calls of SLICE values, which keeps list order and set contents.
 *
 * Exactly once: the last key is this EVAL's marker (`<first key>:~<batch id>`, so in the same
 * slot), recorded with a TTL of ARGV[2] seconds together with the outcome. A client that sends
 * the same EVAL again (ioredis resends commands whose replies a dropped connection lost) gets
 * the first outcome back, `0` for success, and nothing is applied twice.
 *
 * Failed writes touch nothing else: the EXPIRE of a key whose write failed (a key of another
 * type, which is not Kairos' own) is skipped, so a foreign key never gets a TTL.
 */
export const WRITE_SCRIPT = `-- kairos: apply coalesced writes once
local SLICE = 4000
local marker = KEYS[#KEYS]
local seen = redis.call('GET', marker)
if seen == 'ok' then return 0 end
if seen then return redis.error_reply(seen) end
local mark = redis.pcall('SET', marker, 'ok', 'EX', ARGV[2])
if type(mark) == 'table' and mark.err then
  return redis.error_reply(mark.err .. ' (command: SET ' .. marker .. ')')
end
local ops = cjson.decode(ARGV[1])
local failure
local failed = {}
for i = 1, #ops do
  local op = ops[i]
  local name, key, last = op[1], KEYS[op[2]], #op
  if name ~= 'EXPIRE' or not failed[key] then
    local from = 3
    repeat
      local to = math.min(last, from + SLICE - 1)
      local reply = redis.pcall(name, key, unpack(op, from, to))
      if type(reply) == 'table' and reply.err then
        failed[key] = true
        failure = failure or (reply.err .. ' (command: ' .. name .. ' ' .. key .. ')')
      end
      from = to + 1
    until from > last
  end
end
if failure then
  redis.pcall('SET', marker, failure, 'KEEPTTL')
  return redis.error_reply(failure)
end
return #ops`;

/**
 * The SHA1 of {@link WRITE_SCRIPT}, by which EVALSHA names it. Written out rather than
 * computed so that core needs no Node built-in (it also runs in browsers and edge runtimes);
 * a test recomputes it, so a change of the script that forgets it fails.
 */
export const WRITE_SCRIPT_SHA = 'bcf43aa65ebd808764da984f88b8d401392087ba';

/**
 * Seconds a script's marker is kept: far longer than any client resends a command (ioredis
 * resends on reconnection, its cluster client within a few seconds), short enough that the
 * markers of a busy writer stay a small share of memory.
 */
export const APPLIED_TTL_SECONDS = 120;

/** Unique batch ids: a random per-process part, then a counter. */
const ID_BASE = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
let idCounter = 0;

/** A batch id no other EVAL of any process uses. */
function batchId(): string {
  idCounter = (idCounter + 1) % Number.MAX_SAFE_INTEGER;
  return `${ID_BASE}.${idCounter.toString(36)}`;
}

/** How a failed write script is named in a StorageError (not the whole script text). */
const SCRIPT_LABEL = 'kairos write script';

/**
 * Arguments per EVAL. A script holds the server while it runs, so a chunk travels as
 * several EVALs of about this size (a couple of milliseconds each here) rather than one.
 */
export const SCRIPT_ARGS_MAX = 4_096;

/**
 * Packs coalesced commands (each `[name, key, ...args]`) into EVALs of {@link WRITE_SCRIPT}
 * of at most {@link SCRIPT_ARGS_MAX} arguments (a bigger single command gets one of its
 * own), in order; on a cluster per hash tag, since every key of one EVAL must share a slot
 * (all keys of a series name do, through `{name}`).
 *
 * Only the first script of each hash tag carries the script's text (EVAL, which also loads
 * it); the others name it by its SHA1 (EVALSHA). They run after that EVAL on the same node,
 * so they never meet NOSCRIPT, even right after a restart or SCRIPT FLUSH. (Retrying after
 * NOSCRIPT would not be safe: on a cluster, or with another client loading the script
 * meanwhile, some scripts of the batch may have run, and a retry would write them twice.)
 */
export function scriptCommands(commands: readonly Command[], cluster: boolean): Command[] {
  const groups = new Map<string, Command[]>();
  for (const command of commands) {
    const group = cluster ? hashTag(String(command[1])) : '';
    const list = groups.get(group);
    if (list) list.push(command);
    else groups.set(group, [command]);
  }
  const out: Command[] = [];
  for (const group of groups.values()) {
    let loads = true;
    for (const part of parts(group)) {
      out.push(evalCommand(part, loads));
      loads = false;
    }
  }
  return out;
}

/** Consecutive runs of commands with at most SCRIPT_ARGS_MAX arguments in all. */
function* parts(commands: readonly Command[]): Iterable<Command[]> {
  let part: Command[] = [];
  let args = 0;
  for (const command of commands) {
    if (part.length > 0 && args + command.length > SCRIPT_ARGS_MAX) {
      yield part;
      part = [];
      args = 0;
    }
    part.push(command);
    args += command.length;
  }
  if (part.length > 0) yield part;
}

/** One script run: EVAL with the script's text when `loads`, else EVALSHA with its SHA1. */
function evalCommand(commands: readonly Command[], loads: boolean): Command {
  const keys: string[] = [];
  const indexes = new Map<string, number>();
  const ops = commands.map((command) => {
    const key = String(command[1]);
    let index = indexes.get(key);
    if (index === undefined) {
      index = keys.push(key);
      indexes.set(key, index);
    }
    const op = new Array<string | number>(command.length);
    op[0] = command[0];
    op[1] = index;
    for (let a = 2; a < command.length; a++) op[a] = asArgument(command[a] as string | number);
    return op;
  });
  keys.push(markerKey(keys[0]!, batchId()));
  const script = loads
    ? (['EVAL', WRITE_SCRIPT] as const)
    : (['EVALSHA', WRITE_SCRIPT_SHA] as const);
  return [...script, keys.length, ...keys, JSON.stringify(ops), String(APPLIED_TTL_SECONDS)];
}

/**
 * An argument as the string an adapter would send: numbers become strings because Lua would
 * reformat them (0.1 as 0.10000000000000001). Strings go as they are: values, names and
 * prefixes with a lone surrogate (which cjson would refuse) are rejected before planning.
 */
function asArgument(arg: string | number): string {
  return typeof arg === 'string' ? arg : String(arg);
}

/** The part of a key Redis Cluster hashes: the first non-empty `{…}`, else the whole key. */
export function hashTag(key: string): string {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

/** The suffix WRITE_SCRIPT puts on the first failure: `… (command: NAME key)`. */
const FAILED_COMMAND = /^([\s\S]*) \(command: ([A-Z]+) ([\s\S]*)\)$/;

/**
 * The server refused EVAL itself (an ACL without it, a renamed or disabled command), so no
 * script ran. A failure inside a script carries WRITE_SCRIPT's `(command: …)` suffix.
 */
const EVAL_REFUSED = /no permissions to run the 'eval' command|unknown command [`']eval[`']/i;

function evalRefused(error: unknown): boolean {
  if (!(error instanceof StorageError)) return false;
  const cause = error.cause instanceof Error ? error.cause.message : '';
  return EVAL_REFUSED.test(cause) && !cause.includes('(command: ');
}

/** Redis refused the EVAL for one of its keys (an ACL key pattern): no script ran. */
function keysRefused(error: unknown): boolean {
  if (!(error instanceof StorageError)) return false;
  const cause = error.cause instanceof Error ? error.cause.message : '';
  // A scripted batch holds only EVALs, so a NOPERM without the script's suffix is an EVAL's.
  return /^NOPERM/.test(cause) && !cause.includes('(command: ');
}

/**
 * Wraps a pipeline sender so that it sends scripted writes. A failed script is reported as
 * its failed command (parsed from the script's error), as a pipeline would report it, and
 * never by the script's text. When the server refuses EVAL, nothing was written: the batch
 * is sent again by `plain` (plain commands), and so is every later one. When it refuses one
 * of the script's keys (NOPERM), nothing was written either: that batch alone goes by
 * `plain`, whose failure names the refused command and key.
 */
export function scriptedSender(
  exec: (commands: Command[]) => Promise<Reply[]>,
  cluster: boolean,
  plain: (commands: Command[]) => Promise<Reply[]> = exec,
): (commands: Command[]) => Promise<Reply[]> {
  let refused = false;
  return async (commands) => {
    if (commands.length === 0) return [];
    if (refused) return plain(commands);
    try {
      return await exec(scriptCommands(commands, cluster));
    } catch (error) {
      if (evalRefused(error)) {
        refused = true;
        return plain(commands);
      }
      if (keysRefused(error)) return plain(commands);
      if (!(error instanceof StorageError)) throw error;
      const cause = error.cause instanceof Error ? error.cause : error;
      // The script names what failed in it, even when the client cannot say which EVAL did.
      const failed = FAILED_COMMAND.exec(cause.message);
      const scripted = error.command?.[0] === 'EVAL' || error.command?.[0] === 'EVALSHA';
      if (!failed && !scripted) throw error;
      throw new StorageError(`Redis command failed: ${failed ? failed[1] : cause.message}`, {
        cause,
        command: failed
          ? [failed[2] as string, failed[3] as string]
          : [String(error.command?.[0]), SCRIPT_LABEL, String(error.command?.[3] ?? '')],
      });
    }
  };
}
