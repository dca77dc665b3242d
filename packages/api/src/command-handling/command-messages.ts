import { Inject, Injectable, type Type } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandType } from '../auth/permissions';
import { commandRoles, serverCommands } from '../auth/permissions';
import type { DomainCommand } from './aggregates';
import { CommandGateway, type CommandContext, type CommandResult } from './command-gateway';

/** A domain command on the CommandBus: the decoded command and its context. */
export abstract class DomainCommandMessage {
  constructor(
    readonly command: DomainCommand,
    readonly context: CommandContext,
  ) {}
}

type MessageClass = new (command: DomainCommand, context: CommandContext) => DomainCommandMessage;

const named = <T extends object>(value: T, name: string): T =>
  Object.defineProperty(value, 'name', { value: name });

/**
 * One CommandBus message class and one handler per domain command, generated from the permission
 * table and the server's own commands so that none can be forgotten. Every handler delegates to the gateway; keeping
 * them distinct lets a module replace or decorate one command's handling (`@CommandHandler(...)`).
 */
const generated = [...(Object.keys(commandRoles) as CommandType[]), ...serverCommands].map((type) => {
  const Message = named(class extends DomainCommandMessage {}, type) as MessageClass;
  class Handler implements ICommandHandler<DomainCommandMessage, CommandResult> {
    constructor(readonly gateway: CommandGateway) {}
    execute(message: DomainCommandMessage): Promise<CommandResult> {
      return this.gateway.execute(message.command, message.context);
    }
  }
  named(Handler, `${type}Handler`);
  Inject(CommandGateway)(Handler, undefined, 0);
  Injectable()(Handler);
  CommandHandler(Message)(Handler);
  return [type, Message, Handler as Type<unknown>] as const;
});

const messageClasses = new Map<CommandType, MessageClass>(
  generated.map(([type, Message]) => [type, Message]),
);

/** The handler classes, to list as providers of the module. */
export const commandHandlers: ReadonlyArray<Type<unknown>> = generated.map(([, , Handler]) => Handler);

/** Wraps a decoded command for the CommandBus. */
export const commandMessage = (command: DomainCommand, context: CommandContext): DomainCommandMessage => {
  const Message = messageClasses.get(command.type);
  if (Message === undefined) throw new Error(`no message class for ${command.type}`);
  return new Message(command, context);
};
