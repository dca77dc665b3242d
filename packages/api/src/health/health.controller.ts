import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { EventStore } from '@zhaoshang/eventstore';
import type { RunnerReport } from '@zhaoshang/projections';
import type { Response } from 'express';
import { CommandGateway } from '../command-handling/command-gateway';
import type { ReadModels } from '../read-models/read-model.port';
import { EVENT_STORE, READ_MODELS } from '../tokens';

/** Projection lag (events, counted by reading the store) beyond which the instance says it is not ready. */
export const MAX_READY_LAG = 10_000;

/**
 * Liveness and readiness. Live: the process answers (a runner retrying a failing store is degraded,
 * not dead: never restart the process for it). Ready: the event store answers, the projection runner
 * is live or standing by (another instance holds the lease), no projection is parked or waiting for a
 * rebuild, every one is within MAX_READY_LAG events of the head, and the instance is not shutting down.
 */
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
    let report: RunnerReport | undefined;
    try {
      const last = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
      store = { status: 'up', head: (last[0]?.globalPosition ?? -1n).toString() };
      report = await this.readModels.report();
    } catch (error) {
      store = { status: 'down', error: (error as Error).message };
    }
    const health = report?.health ?? this.readModels.health();
    const projections = report?.projections ?? [];
    const lagEvents = projections.reduce((max, p) => Math.max(max, p.lagEvents), 0);
    const lagSeconds = projections.reduce((max, p) => Math.max(max, p.lagSeconds), 0);
    const broken = projections.filter((p) => p.state !== 'running');
    const ready =
      store.status === 'up' &&
      report !== undefined &&
      (health === 'live' || health === 'standby') &&
      lagEvents <= MAX_READY_LAG &&
      broken.length === 0 &&
      !this.gateway.isClosing;
    res.status(ready ? 200 : 503);
    return {
      status: ready ? 'ready' : health === 'degraded' ? 'degraded' : 'not-ready',
      eventStore: store,
      projections: {
        runner: {
          health,
          ...(report !== undefined ? { holder: report.holder } : {}),
          ...(report?.leaseHolder !== undefined ? { leaseHolder: report.leaseHolder } : {}),
          ...(report?.failure !== undefined ? { failure: report.failure } : {}),
          ...(report?.rebuilt !== undefined ? { rebuilt: report.rebuilt } : {}),
        },
        checkpoint: this.readModels.checkpoint().toString(),
        lagEvents,
        lagSeconds,
        maxLagEvents: MAX_READY_LAG,
        each: projections.map((p) => ({
          name: p.name,
          version: p.version,
          state: p.state,
          checkpoint: p.checkpoint.toString(),
          lagEvents: p.lagEvents,
          ...(p.lagCapped ? { lagCapped: true } : {}),
          lagSeconds: p.lagSeconds,
          ...(p.parked !== undefined
            ? { parked: { ...p.parked, position: p.parked.position.toString() } }
            : {}),
          ...(p.error !== undefined ? { error: p.error } : {}),
        })),
      },
      commandsInFlight: this.gateway.pending,
      shuttingDown: this.gateway.isClosing,
    };
  }
}
