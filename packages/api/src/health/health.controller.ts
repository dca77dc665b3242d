import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { EventStore } from '@zhaoshang/eventstore';
import type { ProjectionStatus } from '@zhaoshang/projections';
import type { Response } from 'express';
import { CommandGateway } from '../command-handling/command-gateway';
import type { ReadModels } from '../read-models/read-model.port';
import { EVENT_STORE, READ_MODELS } from '../tokens';

/** Projection lag (events) beyond which the instance says it is not ready. */
export const MAX_READY_LAG = 10_000n;

/** Liveness and readiness (event store reachable, every projection running and close to the head, not shutting down). */
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
    let store: { status: 'up'; head: string } | { status: 'down'; error: string };
    let projections: ReadonlyArray<ProjectionStatus> = [];
    try {
      projections = await this.readModels.status();
      const last = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
      store = { status: 'up', head: (last[0]?.globalPosition ?? -1n).toString() };
    } catch (error) {
      store = { status: 'down', error: (error as Error).message };
    }
    const lag = projections.reduce((max, p) => (p.lag > max ? p.lag : max), 0n);
    const broken = projections.filter((p) => p.state !== 'running');
    const ready = store.status === 'up' && lag <= MAX_READY_LAG && broken.length === 0 && !this.gateway.isClosing;
    res.status(ready ? 200 : 503);
    return {
      status: ready ? 'ready' : 'not-ready',
      eventStore: store,
      projections: {
        checkpoint: this.readModels.checkpoint().toString(),
        lag: lag.toString(),
        maxLag: MAX_READY_LAG.toString(),
        each: projections.map((p) => ({
          name: p.name,
          version: p.version,
          state: p.state,
          checkpoint: p.checkpoint.toString(),
          lag: p.lag.toString(),
          ...(p.error !== undefined ? { error: p.error } : {}),
        })),
      },
      commandsInFlight: this.gateway.pending,
      shuttingDown: this.gateway.isClosing,
    };
  }
}
