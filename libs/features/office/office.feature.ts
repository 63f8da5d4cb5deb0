import type { EmergencyFeature } from '../emergency/index.js';
import type { VolunteersFeature } from '../volunteers/index.js';
import { EmergencyOverview, SwitchUnitMode } from './office-emergency.usecase.js';
import { CreateCategory, CreateTeam, CreateUnit, DeleteCategory, DeleteTeam, DeleteUnit, EditSla } from './office-settings-manage.usecase.js';
import { EditCategory, EditTeam, EditUnit, ReadSettings } from './office-settings.usecase.js';
import { ListTeams, TeamPage } from './office-teams.usecase.js';
import { DecideMembership, ListVolunteers, VolunteerPage } from './office-volunteers.usecase.js';

/** The console's office pages: volunteers, teams, emergency mode and settings, over chat's use cases. */
export class OfficeFeature {
  readonly listVolunteers = new ListVolunteers();
  readonly volunteer = new VolunteerPage();
  readonly decideMembership: DecideMembership;
  readonly listTeams = new ListTeams();
  readonly team = new TeamPage();
  readonly emergency = new EmergencyOverview();
  readonly switchMode: SwitchUnitMode;
  readonly settings = new ReadSettings();
  readonly editCategory = new EditCategory();
  readonly editUnit = new EditUnit();
  readonly editTeam = new EditTeam();
  readonly createCategory = new CreateCategory();
  readonly deleteCategory = new DeleteCategory();
  readonly createUnit = new CreateUnit();
  readonly deleteUnit = new DeleteUnit();
  readonly createTeam = new CreateTeam();
  readonly deleteTeam = new DeleteTeam();
  readonly editSla = new EditSla();

  constructor(volunteers: VolunteersFeature, emergency: EmergencyFeature) {
    this.decideMembership = new DecideMembership(volunteers);
    this.switchMode = new SwitchUnitMode(emergency);
  }
}
