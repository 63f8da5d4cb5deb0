import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { CoreModule } from '@baiying/platform';
import { ProcessorsService } from './processors.service.js';
import { ReconcilerService } from './reconciler.service.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config, 'worker')], providers: [ProcessorsService, ReconcilerService] };
  }
}
