import type { AppContext } from '../../../app/context.js';
import type { Api } from '../api.js';
import { registerKeyRoutes } from './keys.routes.js';
import { registerOrderRoutes } from './orders.routes.js';
import { registerWarehouseRoutes } from './warehouses.routes.js';
import { registerStockCommandRoutes } from './stock.routes.js';
import { registerStockQueryRoutes } from './stock-queries.routes.js';
import { registerCatalogRoutes } from './catalog.routes.js';
import { registerCustomerRoutes } from './customers.routes.js';
import { registerPricingRoutes } from './pricing.routes.js';
import { registerWaveRoutes } from './waves.routes.js';
import { registerReturnRoutes } from './returns.routes.js';
import { registerShippingRoutes } from './shipping.routes.js';

/** Every area's routes under /api/v1. */
export function registerRoutes(api: Api, ctx: AppContext) {
  registerKeyRoutes(api, ctx);
  registerOrderRoutes(api, ctx);
  registerWarehouseRoutes(api, ctx);
  registerStockCommandRoutes(api, ctx);
  registerStockQueryRoutes(api, ctx);
  registerCatalogRoutes(api, ctx);
  registerCustomerRoutes(api, ctx);
  registerPricingRoutes(api, ctx);
  registerShippingRoutes(api, ctx);
  registerWaveRoutes(api, ctx);
  registerReturnRoutes(api, ctx);
}
