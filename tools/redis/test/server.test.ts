import { afterAll, describe, expect, it } from 'vitest';
import { command, type RedisServer, startServer, useRealRedis } from '../src/index';
import { alive } from './helpers';

describe.runIf(useRealRedis('tools/redis server'))('startServer', () => {
  const started: RedisServer[] = [];
  afterAll(async () => {
    await Promise.all(started.map((server) => server.stop()));
  });

  it('answers PING on a loopback port and stops by pid', async () => {
    const server = await startServer();
    started.push(server);
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(await command(server.host, server.port, ['PING'])).toBe('PONG');
    expect(await command(server.host, server.port, ['CONFIG', 'GET', 'save'])).toEqual([
      'save',
      '',
    ]);
    expect(await command(server.host, server.port, ['CONFIG', 'GET', 'appendonly'])).toEqual([
      'appendonly',
      'no',
    ]);

    const pid = server.pid;
    await server.stop();
    expect(alive(pid)).toBe(false);
    await expect(command(server.host, server.port, ['PING'])).rejects.toThrow();
    await server.stop(); // a second stop is harmless
  });

  it('restarts on the same port with a new process and an empty dataset', async () => {
    const server = await startServer();
    started.push(server);
    await command(server.host, server.port, ['SET', 'k', 'v']);
    const { port, pid } = server;

    await server.restart();
    expect(server.port).toBe(port);
    expect(server.pid).not.toBe(pid);
    expect(alive(pid)).toBe(false);
    expect(await command(server.host, server.port, ['GET', 'k'])).toBeNull();

    await server.stop();
    expect(alive(server.pid)).toBe(false);
  });

  it('restarts after stop(), on the same port', async () => {
    const server = await startServer();
    started.push(server);
    const { port, pid } = server;
    await server.stop();
    expect(alive(pid)).toBe(false);
    await server.restart();
    expect(server.port).toBe(port);
    expect(await command(server.host, port, ['PING'])).toBe('PONG');
    await server.stop();
    expect(alive(server.pid)).toBe(false);
  });

  it('restarts a server that was stopped, on the same port', async () => {
    const server = await startServer();
    started.push(server);
    const port = server.port;
    // Stop only the process (as a fault test does), then bring it back.
    process.kill(server.pid, 'SIGKILL');
    await expect.poll(() => alive(server.pid)).toBe(false);
    await server.restart();
    expect(server.port).toBe(port);
    expect(await command(server.host, port, ['PING'])).toBe('PONG');
  });

  it('gives concurrent servers distinct ports', async () => {
    const servers = await Promise.all([startServer(), startServer(), startServer()]);
    started.push(...servers);
    expect(new Set(servers.map((server) => server.port)).size).toBe(3);
  });

  it('fails clearly when the fixed port is taken by another server', async () => {
    const other = await startServer();
    started.push(other);
    await expect(startServer({ port: other.port, readyTimeoutMs: 2_000 })).rejects.toThrow(
      /did not start/,
    );
  });
});
