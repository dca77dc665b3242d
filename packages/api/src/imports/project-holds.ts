import { Injectable } from '@nestjs/common';

/**
 * Projects whose imported history is being entered (issue #17 item 5): the deadline watcher leaves
 * a held project alone until its rows are in, so it never raises a deadline for a fact the same
 * import is about to enter (e.g. a start date that is already in the register). The watcher runs
 * its command for a project through `unlessHeld`; an import takes the hold with `hold`, which also
 * waits for a watcher command already running on one of its projects. In-process: with several
 * instances, a miss raised by another instance's watcher is withdrawn by the late entry itself
 * (MilestoneWithdrawn, reason late-entry, DOMAIN.md §5).
 */
@Injectable()
export class ProjectHolds {
  private readonly held = new Map<string, number>();
  private readonly busy = new Map<string, Promise<unknown>>();

  /** Runs `work` for the project unless an import holds it ('held': skipped this time). */
  async unlessHeld<T>(projectId: string, work: () => Promise<T>): Promise<T | 'held'> {
    if (this.held.has(projectId)) return 'held';
    const running = work();
    this.busy.set(projectId, running);
    try {
      return await running;
    } finally {
      if (this.busy.get(projectId) === running) this.busy.delete(projectId);
    }
  }

  /** Holds the projects (after any watcher command running on them); call the answer to release. */
  async hold(projectIds: ReadonlyArray<string>): Promise<() => void> {
    const ids = [...new Set(projectIds)];
    for (const id of ids) this.held.set(id, (this.held.get(id) ?? 0) + 1);
    await Promise.allSettled(ids.flatMap((id) => this.busy.get(id) ?? []));
    return () => {
      for (const id of ids) {
        const n = (this.held.get(id) ?? 1) - 1;
        if (n <= 0) this.held.delete(id);
        else this.held.set(id, n);
      }
    };
  }

  isHeld(projectId: string): boolean {
    return this.held.has(projectId);
  }
}
