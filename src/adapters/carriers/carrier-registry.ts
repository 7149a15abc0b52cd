import { carrierRegistry, type CarrierRegistry } from '../../core/fulfillment/carrier.js';
import { CustomerPickupCarrier } from './customer-pickup-carrier.js';
import { EasyPostCarrier, easyPostConfigFromEnv } from './easypost-carrier.js';
import { TableRateCarrier } from './table-rate-carrier.js';

/**
 * The carriers every installation has: the table-rate carrier (code `TABLE`) and customer
 * pickup (code `PICKUP`); with `EASYPOST_API_KEY` set, EasyPost (code `EASYPOST`) beside
 * them for real UPS/USPS/FedEx labels (see easypost-carrier.ts for the other settings).
 */
export function defaultCarriers(env: NodeJS.ProcessEnv = process.env): CarrierRegistry {
  const easyPost = easyPostConfigFromEnv(env);
  return carrierRegistry([
    new TableRateCarrier(),
    new CustomerPickupCarrier(),
    ...(easyPost ? [new EasyPostCarrier(easyPost)] : []),
  ]);
}
