import type { AppContext } from '../../../app/context.js';
import type { Api } from '../api.js';
import { registerKeyRoutes } from './keys.routes.js';

/** Every area's routes under /api/v1. */
export function registerRoutes(api: Api, ctx: AppContext) {
  registerKeyRoutes(api, ctx);
}
