import { type Command, type Driver, type Reply, StorageError, toReply } from '@kairos/core';
import { Redis } from 'ioredis';

/**
 * A minimal single-node Driver over ioredis, for the tests of @kairos/testing and
 * @kairos/test-suite that compare the mock and the suites with a real redis-server (the
 * published adapter is @kairos/ioredis, which those packages cannot depend on).
 */
export function referenceDriver(port: number): Driver & { close(): Promise<void> } {
  const client = new Redis({ port, host: '127.0.0.1' });
  return {
    cluster: false,
    async close() {
      await client.quit();
    },
    async exec(commands: readonly Command[]) {
      if (commands.length === 0) return [];
      const pipeline = client.pipeline();
      for (const [name, ...args] of commands) pipeline.call(name, ...args);
      const results = (await pipeline.exec()) ?? [];
      const replies: Reply[] = [];
      for (const [index, [error, value]] of results.entries()) {
        const command = commands[index] as Command;
        if (error)
          throw new StorageError(`Redis command failed: ${error.message}`, {
            cause: error,
            command,
          });
        replies.push(toReply(value));
      }
      return replies;
    },
    async *scan(match: string) {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', match, 'COUNT', 500);
        yield* keys;
        cursor = next;
      } while (cursor !== '0');
    },
  };
}
