import type { Command, Reply } from '../driver';
import { escapeGlob, type KeyLayout } from '../keys';
import { type Filter, holds, isPositive } from './filter';
import { INDEX_MARK, labelKey, labelValueKey, nameLabelsKey } from './keys';
import type { Labels } from './validate';

/** Runs one pipeline (the Timeseries wraps the driver). */
export type Exec = (commands: Command[]) => Promise<Reply[]>;

/** Names per HMGET: bounds one command's size whatever the number of candidates. */
const HMGET_NAMES = 1_000;

/**
 * Reads and maintains the label index (layout in `./keys`). Writes are plain single-key
 * commands in one pipeline; reads by filter take two round trips whatever the number of
 * names: the value sets of the positive terms, then the labels of every candidate.
 */
export class LabelIndex {
  constructor(
    private readonly layout: KeyLayout,
    private readonly exec: Exec,
    private readonly scan: (match: string) => AsyncIterable<string>,
  ) {}

  /** One name's labels (`{}` when none). */
  async get(name: string): Promise<Record<string, string>> {
    const [reply] = await this.exec([['HGETALL', nameLabelsKey(this.layout, name)]]);
    return fromPairs(reply ?? null);
  }

  /**
   * Replaces the labels of each name (checked before): reads the old ones, then writes only
   * what changed, in one pipeline for every name.
   */
  async set(labelsByName: ReadonlyMap<string, Labels>): Promise<void> {
    const names = [...labelsByName.keys()];
    if (names.length === 0) return;
    const old = await this.exec(names.map((name) => ['HGETALL', nameLabelsKey(this.layout, name)]));
    const commands: Command[] = [];
    names.forEach((name, n) => {
      this.#plan(commands, name, fromPairs(old[n] ?? null), labelsByName.get(name) ?? {});
    });
    await this.exec(commands);
  }

  /** Removes a name from the index; resolves 1 when it had labels, else 0. */
  async remove(name: string): Promise<number> {
    const old = await this.get(name);
    const commands: Command[] = [];
    this.#plan(commands, name, old, {});
    await this.exec(commands);
    return Object.keys(old).length > 0 ? 1 : 0;
  }

  /** Deletes every index key under the prefix; resolves how many there were. */
  async removeAll(): Promise<number> {
    let removed = 0;
    const match = `${escapeGlob(this.layout.prefix)}${INDEX_MARK}*`;
    let pending: Command[] = [];
    const flush = async () => {
      for (const reply of await this.exec(pending)) removed += Number(reply) || 0;
      pending = [];
    };
    for await (const key of this.scan(match)) {
      // One DEL per key: index keys live in many slots.
      pending.push(['DEL', key]);
      if (pending.length >= 1_000) await flush();
    }
    if (pending.length) await flush();
    return removed;
  }

  /**
   * The names matching a parsed filter, sorted, with each one's value of every label in
   * `extra` (the groupBy label). Two round trips: the positive terms' value sets, then
   * the labels the terms and `extra` name, for the candidates only.
   */
  async select(
    filter: Filter,
    extra: readonly string[] = [],
  ): Promise<{ names: string[]; values: Map<string, Map<string, string>> }> {
    const positive = filter.filter(isPositive);
    const sets: Command[] = positive.flatMap((term) =>
      term.values.map(
        (value): Command => ['SMEMBERS', labelValueKey(this.layout, term.label, value)],
      ),
    );
    const members = await this.exec(sets);
    let next = 0;
    let candidates: Set<string> | undefined;
    for (const term of positive) {
      const union = new Set<string>();
      for (const _ of term.values) for (const name of asStrings(members[next++])) union.add(name);
      candidates = candidates ? new Set([...candidates].filter((n) => union.has(n))) : union;
    }
    const names = [...(candidates ?? [])].sort();
    const labels = [...new Set([...filter.map((term) => term.label), ...extra])];
    const values = new Map<string, Map<string, string>>(labels.map((l) => [l, new Map()]));
    if (names.length === 0) return { names, values };
    // The hashes decide: a value set may still hold a name a concurrent write just moved.
    const reads: Command[] = [];
    for (const label of labels) {
      for (let n = 0; n < names.length; n += HMGET_NAMES) {
        reads.push(['HMGET', labelKey(this.layout, label), ...names.slice(n, n + HMGET_NAMES)]);
      }
    }
    const replies = await this.exec(reads);
    let reply = 0;
    for (const label of labels) {
      const byName = values.get(label) as Map<string, string>;
      for (let n = 0; n < names.length; n += HMGET_NAMES) {
        const got = replies[reply++];
        names.slice(n, n + HMGET_NAMES).forEach((name, k) => {
          const value = Array.isArray(got) ? got[k] : null;
          if (typeof value === 'string') byName.set(name, value);
        });
      }
    }
    const matching = names.filter((name) =>
      filter.every((term) => holds(term, values.get(term.label)?.get(name))),
    );
    return { names: matching, values };
  }

  /**
   * The commands that turn `old` labels of `name` into `next`. The entries of `next` are
   * written even when unchanged (the writes are idempotent), so setting a name's labels
   * again repairs an index left out of step by an interrupted write.
   */
  #plan(commands: Command[], name: string, old: Labels, next: Labels): void {
    const own = nameLabelsKey(this.layout, name);
    const gone: string[] = [];
    for (const label of Object.keys(old)) {
      const value = old[label] as string;
      if (Object.hasOwn(next, label) && next[label] === value) continue;
      commands.push(['SREM', labelValueKey(this.layout, label, value), name]);
      if (!Object.hasOwn(next, label)) {
        commands.push(['HDEL', labelKey(this.layout, label), name]);
        gone.push(label);
      }
    }
    const all: string[] = [];
    for (const label of Object.keys(next)) {
      const value = next[label] as string;
      commands.push(['SADD', labelValueKey(this.layout, label, value), name]);
      commands.push(['HSET', labelKey(this.layout, label), name, value]);
      all.push(label, value);
    }
    if (gone.length) commands.push(['HDEL', own, ...gone]);
    if (all.length) commands.push(['HSET', own, ...all]);
  }
}

/** A flat HGETALL reply as an object (own properties, so "__proto__" stays a label). */
function fromPairs(reply: Reply): Record<string, string> {
  const pairs: [string, string][] = [];
  if (Array.isArray(reply)) {
    for (let i = 0; i + 1 < reply.length; i += 2)
      pairs.push([String(reply[i]), String(reply[i + 1])]);
  }
  return Object.fromEntries(pairs);
}

function asStrings(reply: Reply | undefined): string[] {
  return Array.isArray(reply) ? reply.map(String) : [];
}
