export { asStorageError, execWithDeadline, withDeadline } from './deadline';
export { toReply } from './reply';
export { commandSlot, groupBySlot, routingKey, runGroups } from './slots';
