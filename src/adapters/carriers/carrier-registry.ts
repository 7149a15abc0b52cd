import { carrierRegistry, type CarrierRegistry } from '../../core/fulfillment/carrier.js';
import { CustomerPickupCarrier } from './customer-pickup-carrier.js';
import { TableRateCarrier } from './table-rate-carrier.js';

/**
 * The carriers every installation has: the table-rate carrier (code `TABLE`) and customer
 * pickup (code `PICKUP`). Integrations with real carriers register beside them.
 */
export function defaultCarriers(): CarrierRegistry {
  return carrierRegistry([new TableRateCarrier(), new CustomerPickupCarrier()]);
}
