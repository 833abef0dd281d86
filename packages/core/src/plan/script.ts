import type { Command, Driver, Reply } from '../driver';
import { StorageError } from '../errors';

/** True when the driver declared that it runs EVAL commands ({@link Driver.scripts}). */
export function supportsScripts(driver: Driver): boolean {
  return driver.scripts === true;
}

/**
 * Applies a JSON list of `[command, keyIndex, ...args]` to the declared KEYS. The client's
 * cost is per argument and per command, not per byte, so a whole chunk travels as one EVAL
 * with one JSON argument, decoded in C by Redis' bundled cjson. Every command runs even when
 * one fails (as in a pipeline); the first failure is returned as an error naming it.
 * Only RPUSH and SADD may carry more arguments than one Lua call can unpack: they are split
 * into calls of SLICE values, which keeps list order and set contents.
 */
export const WRITE_SCRIPT = `-- kairos: apply coalesced writes
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

/**
 * The SHA1 of {@link WRITE_SCRIPT}, by which EVALSHA names it. Written out rather than
 * computed so that core needs no Node built-in (it also runs in browsers and edge runtimes);
 * a test recomputes it, so a change of the script that forgets it fails.
 */
export const WRITE_SCRIPT_SHA = '79597a6dc7d2110c00cb072f7993da0fc1f40bdd';

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
  const script = loads
    ? (['EVAL', WRITE_SCRIPT] as const)
    : (['EVALSHA', WRITE_SCRIPT_SHA] as const);
  return [...script, keys.length, ...keys, JSON.stringify(ops)];
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

/**
 * Wraps a pipeline sender so that it sends scripted writes. A failed script is reported as
 * its failed command (parsed from the script's error), as a pipeline would report it, and
 * never by the script's text. When the server refuses EVAL, nothing was written: the batch
 * is sent again as plain commands, and so is every later one.
 */
export function scriptedSender(
  exec: (commands: Command[]) => Promise<Reply[]>,
  cluster: boolean,
): (commands: Command[]) => Promise<Reply[]> {
  let refused = false;
  return async (commands) => {
    if (commands.length === 0) return [];
    if (refused) return exec(commands);
    try {
      return await exec(scriptCommands(commands, cluster));
    } catch (error) {
      if (evalRefused(error)) {
        refused = true;
        return exec(commands);
      }
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
