import type { Command, Driver, Reply } from '../src/driver';

/** A Driver that records every pipeline and answers from a function (default: nil / empty). */
export function recordingDriver(
  answer: (command: Command) => Reply = (command) =>
    /^(LRANGE|SMEMBERS|HGETALL)$/.test(command[0]) ? [] : null,
  keys: string[] = [],
  cluster = false,
) {
  const pipelines: Command[][] = [];
  const scans: string[] = [];
  const driver: Driver = {
    cluster,
    async exec(commands) {
      pipelines.push([...commands]);
      return commands.map(answer);
    },
    async *scan(match) {
      scans.push(match);
      yield* keys;
    },
  };
  return { driver, pipelines, scans, commands: () => pipelines.flat() };
}
