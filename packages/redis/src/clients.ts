/**
 * The few members of node-redis clients this driver uses. Working against these instead of
 * the fully generic client types keeps the adapter independent of the user's modules,
 * functions, scripts and RESP version.
 */

/** Anything that sends one raw command: a client, or a node client of a cluster. */
export interface CommandSender {
  sendCommand(args: string[]): Promise<unknown>;
}

/** A standalone node-redis client. */
export interface ClientLike extends CommandSender {
  multi(): { addCommand(args: string[]): unknown; execAsPipeline(): Promise<unknown[]> };
  withTypeMapping(mapping: object): ClientLike;
}

/** A cluster master as node-redis describes it. */
export interface MasterLike {
  host: string;
  port: number;
}

/** A node-redis cluster client. */
export interface ClusterLike {
  readonly isOpen: boolean;
  readonly slots: readonly ({ master: MasterLike } | undefined)[];
  readonly masters: readonly MasterLike[];
  nodeClient(master: MasterLike): Promise<ClientLike>;
}
