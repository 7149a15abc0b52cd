import type { AppContext } from '../../../app/context.js';
import type { Api } from '../api.js';

/** Placeholder: routes are added by the issue that owns this area. */
export function registerCountRoutes(api: Api, ctx: AppContext) {
  void api;
  void ctx;
}
