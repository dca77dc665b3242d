import { Module } from '@nestjs/common';
import { ProjectsController } from './projects.controller';
import { projectQueryHandlers } from './queries/project-queries';

/** Projects: their commands from lead to exit, the register (台账), one project, its history. */
@Module({ controllers: [ProjectsController], providers: [...projectQueryHandlers] })
export class ProjectsModule {}
