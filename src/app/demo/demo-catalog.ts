import { demoRandom } from './demo-random.js';
import { FOOD_LINES } from './demo-lines-food.js';
import { HARD_GOODS_LINES } from './demo-lines-hard-goods.js';
import { buildLine, DemoGtins, type DemoSku } from './demo-sku-builder.js';
import { DEMO_WAREHOUSES, type DemoWarehouse } from './demo-warehouses.js';

/** The seed `stockline serve --demo` uses unless told otherwise. */
export const DEFAULT_DEMO_SEED = 20240611;

/** The item master and buildings of the demo pet-supplies wholesaler. */
export interface DemoCatalog {
  skus: DemoSku[];
  warehouses: readonly DemoWarehouse[];
}

/**
 * Generates the demo catalog: about 230 SKUs over twelve categories, with GTINs, pack levels,
 * measures, costs and ABC classes. The same seed always gives the same catalog; a different
 * seed picks other brand/variant/size combinations and other costs.
 */
export function demoCatalog(seed: number = DEFAULT_DEMO_SEED): DemoCatalog {
  const rng = demoRandom(seed);
  const gtins = new DemoGtins();
  const skus = [...FOOD_LINES, ...HARD_GOODS_LINES].flatMap((line) => buildLine(line, rng, gtins));
  return { skus, warehouses: DEMO_WAREHOUSES };
}

export {
  DEMO_CATEGORIES,
  type AbcClass,
  type DemoCategory,
  type DemoPack,
  type DemoSku,
} from './demo-sku-builder.js';
export { DEMO_WAREHOUSES, DEMO_ZONES, type DemoWarehouse } from './demo-warehouses.js';
