import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '@baiying/config';
import {
  CallsFeature,
  ConsoleFeature,
  Desk,
  ExportsFeature,
  IdentityFeature,
  OfficeFeature,
  PublicityFeature,
  ReportsFeature,
  SessionsFeature,
} from '@baiying/features';
import { CoreModule } from '@baiying/platform';
import { ConsoleCookies, ConsoleSessionGuard, Public } from './http/console-auth.js';
import { AuditController } from './v1/audit.controller.js';
import { CorrectionsController } from './v1/corrections.controller.js';
import { AuthController } from './v1/auth.controller.js';
import { ExportsController } from './v1/exports.controller.js';
import { NeedsController } from './v1/needs.controller.js';
import { SavedFiltersController } from './v1/saved-filters.controller.js';
import { ReportsController } from './v1/reports.controller.js';
import { PublicityController } from './v1/publicity.controller.js';
import { GongshiController } from './public/gongshi.controller.js';
import { PullTokensController } from './v1/pull-tokens.controller.js';
import { VolunteersController } from './v1/volunteers.controller.js';
import { TeamsController } from './v1/teams.controller.js';
import { EmergencyController } from './v1/emergency.controller.js';
import { SettingsController } from './v1/settings.controller.js';
import { EventsController } from './live/events.controller.js';
import { LiveHub } from './live/live-hub.js';
import { CallsController } from './v1/calls.controller.js';
import { DispatchController } from './v1/dispatch.controller.js';

@Controller()
class HealthController {
  @Public()
  @Get('healthz')
  health() {
    return { ok: true };
  }
}

/** The coordinators' console API: stateless (sessions in PostgreSQL), any number of replicas. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [CoreModule.forRoot(config, 'api')],
      controllers: [
        HealthController,
        AuthController,
        SavedFiltersController,
        NeedsController,
        AuditController,
        CorrectionsController,
        ReportsController,
        PublicityController,
        GongshiController,
        ExportsController,
        PullTokensController,
        VolunteersController,
        TeamsController,
        EmergencyController,
        SettingsController,
        EventsController,
        CallsController,
        DispatchController,
      ],
      providers: [
        ConsoleCookies,
        { provide: APP_GUARD, useClass: ConsoleSessionGuard },
        { provide: SessionsFeature, inject: [Desk], useFactory: (d: Desk) => d.sessions },
        { provide: ConsoleFeature, inject: [Desk], useFactory: (d: Desk) => d.console },
        { provide: ReportsFeature, inject: [Desk], useFactory: (d: Desk) => d.reports },
        { provide: PublicityFeature, inject: [Desk], useFactory: (d: Desk) => d.publicity },
        { provide: ExportsFeature, inject: [Desk], useFactory: (d: Desk) => d.exports },
        { provide: OfficeFeature, inject: [Desk], useFactory: (d: Desk) => d.office },
        LiveHub,
        { provide: CallsFeature, inject: [Desk], useFactory: (d: Desk) => d.calls },
        { provide: IdentityFeature, inject: [Desk], useFactory: (d: Desk) => d.identity },
      ],
    };
  }
}
