import { commandCodecs, type AnyCommand, type AnyCommandType, type CommandOfType } from '@zhaoshang/domain';
import type { CommandType } from '../auth/permissions';
import { decodeOrThrow } from '../http/decode';

/** The io-ts codec of every command, from the domain's aggregate registry (requests and the OpenAPI document use them). */
export { commandCodecs };

/** A domain command as it travels inside the API: a decoded command of any aggregate. */
export type DomainCommand = AnyCommand;

// Compile-time guard: the permission table (and the server's own commands) name exactly the domain's commands.
const _sameCommands: [Exclude<CommandType, AnyCommandType>, Exclude<AnyCommandType, CommandType>] extends [
  never,
  never,
]
  ? true
  : false = true;
void _sameCommands;

/** A request body decoded as the command of a type (400 with every failing path, or with undeclared fields). */
export const decodeCommand = <T extends AnyCommandType>(type: T, input: unknown): CommandOfType<T> =>
  decodeOrThrow(commandCodecs[type], input);
