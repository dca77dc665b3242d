import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { EventStore } from '@zhaoshang/eventstore';
import {
  allProjections,
  fulfilmentQueries,
  openMongoReadModelStore,
  openSqliteReadModelStore,
  performanceReviewQueries,
  ProjectionRunner,
  registerCollection,
  landQueries,
  registerQueries,
  supervisionQueries,
  targetProgressQueries,
  // enterprise requests (R17)
  requestQueries,
  type ProjectionStatus,
  type ReadModelStore,
  type RunnerEventSource,
  type RunnerHealth,
  type RunnerLogger,
  type RunnerReport,
  // advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
  advisorQueries,
  investorDirectoryQueries,
} from '@zhaoshang/projections';
// Leading-group meetings and their 交办 items (R20)
import { meetingsQueries } from '@zhaoshang/projections';
import type { ApiConfig } from '../config';
import type { ProjectionQueries, ReadModels } from './read-model.port';

/** Where the read models live: MongoDB when `MONGODB_URL` is set, else `read-models.sqlite` in DATA_DIR. */
export const openReadModelStore = async (config: ApiConfig): Promise<ReadModelStore> => {
  if (config.mongodbUrl !== undefined) return openMongoReadModelStore({ url: config.mongodbUrl });
  mkdirSync(config.dataDir, { recursive: true });
  return openSqliteReadModelStore({ file: path.join(config.dataDir, 'read-models.sqlite') });
};

/**
 * The API's read models: every projection of @zhaoshang/projections, fed by a supervised runner. On
 * start it takes the read-model store's lease (or stands by while another instance or the
 * `npm run projections` process holds it, following its checkpoints), loads the saved checkpoints
 * and catches up from there (a projection whose version changed since its documents were written is
 * rebuilt first; all of them when they were built from another event store); then it tails live
 * events. Each batch is committed with its checkpoints in one transaction, so stopping loses nothing.
 */
export class ProjectionReadModels implements ReadModels {
  readonly queries: ProjectionQueries;
  private readonly runner: ProjectionRunner;

  constructor(
    private readonly eventStore: EventStore & RunnerEventSource,
    private readonly store: ReadModelStore,
    logger: RunnerLogger,
    options: { readonly follow?: boolean } = {},
  ) {
    this.runner = new ProjectionRunner({
      eventStore,
      store,
      projections: allProjections,
      logger,
      rebuildOnVersionChange: true,
      ...(options.follow === true ? { follow: true } : {}),
    });
    this.queries = {
      register: registerQueries(store),
      targetProgress: targetProgressQueries(store),
      review: performanceReviewQueries(store),
      fulfilment: fulfilmentQueries(store),
      supervision: supervisionQueries(store),
      // enterprise requests (R17)
      requests: requestQueries(store),
      // land plots and the land-quota ledger (R19)
      land: landQueries(store),
      // Leading-group meetings and their 交办 items (R20)
      meetings: meetingsQueries(store),
      // advisors (招商顾问, 002 §八) and the investor directory (客商目录, 002 §一)
      advisors: advisorQueries(store),
      investorDirectory: investorDirectoryQueries(store),
    };
  }

  checkpoint(): bigint {
    return this.runner.checkpoint;
  }

  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.runner.checkpoint >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.runner.waitFor(position).then(
        () => {
          clearTimeout(timer);
          resolve(true);
        },
        () => {
          clearTimeout(timer);
          resolve(false);
        },
      );
    });
  }

  async watchedProjects(): Promise<ReadonlyArray<string>> {
    const open = await this.store.findAll(registerCollection, {
      filter: { closed: false, signedOn: { $exists: true } },
    });
    return open.map((d) => d.projectId);
  }

  status(): Promise<ReadonlyArray<ProjectionStatus>> {
    return this.runner.status();
  }

  report(): Promise<RunnerReport> {
    return this.runner.report();
  }

  health(): RunnerHealth {
    return this.runner.currentHealth;
  }

  async start(): Promise<void> {
    await this.runner.start();
  }

  async stop(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
  }
}
