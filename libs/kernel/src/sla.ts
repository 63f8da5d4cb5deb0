// The SLA minutes in force: the console's settings (sla_setting, decision 0035) over the
// deployment's defaults (SLA_*_MINUTES, EMERGENCY_SLA_MINUTES). Read once per unit of work, so
// an edit applies to the next dispatch in every process, with no cache to invalidate.
import type { SlaRules } from '@baiying/domain';
import type { Work } from './unit-of-work.js';

export interface SlaInForce extends SlaRules {
  emergencyMinutes: number;
}

export async function slaInForce(w: Work): Promise<SlaInForce> {
  const set = await w.repos.settings.slaMinutes();
  const d = w.config.sla;
  return {
    stationMinutes: set.station ?? d.stationMinutes,
    instituteMinutes: set.institute ?? d.instituteMinutes,
    centerMinutes: set.center ?? d.centerMinutes,
    urgentMinutes: set.urgent ?? d.urgentMinutes,
    emergencyMinutes: set.emergency ?? w.config.emergencySlaMinutes,
    timeFactor: d.timeFactor,
  };
}
