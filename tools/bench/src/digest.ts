import { createHash } from 'node:crypto';
import type { BenchClient } from './clients';

/**
 * A digest of every key's name and value (DEBUG DIGEST-VALUE: type and contents, not TTL),
 * to check that two ways of writing the same data left the same data. The write script's
 * markers (`…:~<batch id>`, bookkeeping kept two minutes) are not data and are left out.
 */
export async function datasetDigest(client: BenchClient): Promise<string> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, page] = (await client.pipeline([['SCAN', cursor, 'COUNT', '5000']]))[0] as [
      string,
      string[],
    ];
    for (const key of page) if (!/:~[^:]+$/.test(key)) keys.push(key);
    cursor = String(next);
  } while (cursor !== '0');
  keys.sort();
  const hash = createHash('sha1');
  for (let i = 0; i < keys.length; i += 2_000) {
    const batch = keys.slice(i, i + 2_000);
    const digests = (await client.pipeline([['DEBUG', 'DIGEST-VALUE', ...batch]]))[0] as string[];
    for (const [k, key] of batch.entries()) hash.update(`${key}\0${digests[k]}\n`);
  }
  return `${keys.length}:${hash.digest('hex').slice(0, 12)}`;
}
