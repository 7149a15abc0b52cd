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
import { registerSupplierRoutes } from './suppliers.routes.js';
import { registerPurchaseOrderRoutes } from './purchase-orders.routes.js';
import { registerReceivingRoutes } from './receiving.routes.js';
import { registerPlanningRoutes } from './planning.routes.js';
import { registerCountRoutes } from './counts.routes.js';
import { registerKpiRoutes } from './kpis.routes.js';
import { registerWebhookRoutes } from './webhooks.routes.js';
import { registerEdiRoutes } from './edi.routes.js';
import { registerImportRoutes } from './imports.routes.js';
import { registerDashboardRoutes } from './dashboard.routes.js';

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
  registerSupplierRoutes(api, ctx);
  registerPurchaseOrderRoutes(api, ctx);
  registerReceivingRoutes(api, ctx);
  registerPlanningRoutes(api, ctx);
  registerCountRoutes(api, ctx);
  registerKpiRoutes(api, ctx);
  registerWebhookRoutes(api, ctx);
  registerEdiRoutes(api, ctx);
  registerImportRoutes(api, ctx);
  registerDashboardRoutes(api, ctx);
}
