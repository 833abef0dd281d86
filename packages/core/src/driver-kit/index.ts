export { asStorageError, execWithDeadline, withDeadline } from './deadline';
export { connectionLost } from './lost';
export { type DriverOptions, resolveDriverOptions } from './options';
export { toReply } from './reply';
export { type SendCommand, scanNode } from './scan';
export { commandSlot, groupBySlot, routingKey, runGroups } from './slots';
