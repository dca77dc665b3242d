import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { EventStore } from '@zhaoshang/eventstore';
import type { Response } from 'express';
import { CommandGateway } from '../command-handling/command-gateway';
import type { ReadModels } from '../read-models/read-model.port';
import { EVENT_STORE, READ_MODELS } from '../tokens';

/** Projection lag (events) beyond which the instance says it is not ready. */
export const MAX_READY_LAG = 10_000n;

/** Liveness and readiness (event store reachable, projections close to the head, not shutting down). */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
  ) {}

  @Get(['', 'live'])
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const checkpoint = this.readModels.checkpoint();
    let store: { status: 'up'; head: string } | { status: 'down'; error: string };
    let head = 0n;
    try {
      const last = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
      head = last[0]?.globalPosition ?? 0n;
      store = { status: 'up', head: head.toString() };
    } catch (error) {
      store = { status: 'down', error: (error as Error).message };
    }
    const lag = head > checkpoint ? head - checkpoint : 0n;
    const ready = store.status === 'up' && lag <= MAX_READY_LAG && !this.gateway.isClosing;
    res.status(ready ? 200 : 503);
    return {
      status: ready ? 'ready' : 'not-ready',
      eventStore: store,
      projections: {
        checkpoint: checkpoint.toString(),
        lag: lag.toString(),
        maxLag: MAX_READY_LAG.toString(),
      },
      commandsInFlight: this.gateway.pending,
      shuttingDown: this.gateway.isClosing,
    };
  }
}
