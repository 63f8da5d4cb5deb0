// The one catalogue of user-facing text: Simplified Chinese first, English second, split into
// one namespace file per feature under ./messages. Error codes from libs/domain
// (`need/not_found`, …) are keys too. A key may exist in one namespace only (checked in a spec).
import { common } from './messages/common.js';
import { intake } from './messages/intake.js';
import { routing } from './messages/routing.js';
import { claims } from './messages/claims.js';
import { completion } from './messages/completion.js';
import { volunteers } from './messages/volunteers.js';
import { identity } from './messages/identity.js';
import { privacy } from './messages/privacy.js';
import { teams } from './messages/teams.js';
import { coordination } from './messages/coordination.js';
import { calls } from './messages/calls.js';
import { emergency } from './messages/emergency.js';
import { consoleMessages } from './messages/console.js';
import { language } from './messages/language.js';
import { web } from './messages/web.js';
import { publicity } from './messages/publicity.js';
import { exportsMessages } from './messages/exports.js';
import { menus } from './messages/menus.js';

export const NAMESPACES = {
  common,
  intake,
  routing,
  claims,
  completion,
  volunteers,
  identity,
  privacy,
  teams,
  coordination,
  calls,
  emergency,
  console: consoleMessages,
  language,
  web,
  publicity,
  exports: exportsMessages,
  menus,
} as const;

export const CATALOGUE = {
  ...common,
  ...intake,
  ...routing,
  ...claims,
  ...completion,
  ...volunteers,
  ...identity,
  ...privacy,
  ...teams,
  ...coordination,
  ...calls,
  ...emergency,
  ...consoleMessages,
  ...language,
  ...web,
  ...publicity,
  ...exportsMessages,
  ...menus,
} as const;

export type MessageKey = keyof typeof CATALOGUE;
