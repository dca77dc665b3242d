import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFound } from '../../errors/api-errors';
import type { ReadModels } from '../../read-models/read-model.port';
import { READ_MODELS } from '../../tokens';

/** A published bulletin (current edition and history), by its period label ('2024-03', '2024-Q1', '2024'). */
export class GetBulletin {
  constructor(readonly period: string) {}
}

@QueryHandler(GetBulletin)
export class GetBulletinHandler implements IQueryHandler<GetBulletin> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}
  async execute(q: GetBulletin) {
    const b = await this.readModels.bulletin(`bulletin-${q.period}`);
    if (b === undefined) throw new NotFound('NOT_FOUND', { bulletin: q.period });
    return b;
  }
}

export const bulletinQueryHandlers = [GetBulletinHandler];
