import { connect } from 'node:net';

/** A decoded RESP2 reply; error replies are returned as `Error` values, not thrown. */
export type RespValue = string | number | null | Error | RespValue[];

/**
 * Sends one command to `host:port` on a fresh connection and resolves its reply.
 * Only for administration (PING, CLUSTER …): a dependency-free client keeps this tool
 * usable before any Redis client library is installed, and one connection per call keeps
 * it stateless. Rejects on connection errors and after `timeoutMs`.
 */
export function command(
  host: string,
  port: number,
  args: readonly (string | number)[],
  timeoutMs = 2_000,
): Promise<RespValue> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let buffer = Buffer.alloc(0);
    const finish = (error: Error | null, value?: RespValue) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(value ?? null);
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`no reply from ${host}:${port}`)));
    socket.on('error', (error) => finish(error));
    socket.on('connect', () => socket.write(encode(args)));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      try {
        const parsed = parse(buffer, 0);
        if (parsed) finish(null, parsed.value);
      } catch (error) {
        // A reply it cannot read rejects this call; thrown here it would crash the worker.
        finish(error as Error);
      }
    });
  });
}

function encode(args: readonly (string | number)[]): string {
  let out = `*${args.length}\r\n`;
  for (const arg of args) {
    const text = String(arg);
    out += `$${Buffer.byteLength(text)}\r\n${text}\r\n`;
  }
  return out;
}

/** Parses one reply at `offset`; `undefined` when the buffer does not hold it all yet. */
function parse(buffer: Buffer, offset: number): { value: RespValue; end: number } | undefined {
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buffer[offset] ?? 0);
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new Error(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, end: next };
      if (buffer.length < next + length + 2) return undefined;
      return { value: buffer.toString('utf8', next, next + length), end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RespValue[] = [];
      let end = next;
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, end);
        if (!item) return undefined;
        items.push(item.value);
        end = item.end;
      }
      return { value: items, end };
    }
    default:
      throw new Error(`unexpected RESP type byte ${JSON.stringify(type)}`);
  }
}
