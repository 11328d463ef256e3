// The handler map: every method of the contract (src/shared/api.ts) to its core call. The type makes a
// missing or extra method a compile error; test/ui-platform checks it at run time too.
import { appHandlers } from './app';
import { authHandlers } from './auth';
import { backupHandlers } from './backup';
import { changesHandlers } from './changes';
import { connectionHandlers } from './connection';
import { checkHandlers } from './check';
import { communityHandlers } from './communities';
import { dashboardHandlers } from './dashboard';
import { demoHandlers } from './demo';
import { districtHandlers } from './district';
import { importHandlers } from './import';
import { lifecycleHandlers } from './lifecycle';
import { lendingHandlers } from './lending';
import { listHandlers } from './lists';
import { recordHandlers } from './records';
import { reportHandlers } from './report';
import { settingsHandlers } from './settings';
import { standardsHandlers } from './standards';
import type { HandlerMap } from './types';
import { yearbookHandlers } from './yearbook';

export const HANDLERS: HandlerMap = {
  ...appHandlers,
  ...authHandlers,
  ...communityHandlers,
  ...settingsHandlers,
  ...standardsHandlers,
  ...recordHandlers,
  ...listHandlers,
  ...dashboardHandlers,
  ...importHandlers,
  ...changesHandlers,
  ...connectionHandlers,
  ...checkHandlers,
  ...reportHandlers,
  ...backupHandlers,
  ...demoHandlers,
  ...lifecycleHandlers,
  ...lendingHandlers,
  ...yearbookHandlers,
  ...districtHandlers,
};
