import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { systemClock, type Clock } from '@baiying/domain';
import { CoreModule } from '@baiying/platform';
import { JobsService } from './jobs.service.js';
import { ReconcilerService, WORKER_CLOCK } from './reconciler.service.js';
import { StateMetricsService } from './state-metrics.service.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config, 'worker', clock)],
      providers: [{ provide: WORKER_CLOCK, useValue: clock }, JobsService, ReconcilerService, StateMetricsService],
    };
  }
}
