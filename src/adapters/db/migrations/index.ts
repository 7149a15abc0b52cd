import type { Migration } from 'kysely';
import type { Ddl } from './columns.js';
import { foundation } from './0001-foundation.js';
import { sales } from './0002-sales.js';
import { fulfillment } from './0003-fulfillment.js';
import { purchasing } from './0004-purchasing.js';
import { counts } from './0005-counts.js';
import { kpis } from './0006-kpis.js';
import { webhooks } from './0007-webhooks.js';
import { users } from './0008-users.js';
import { edi } from './0009-edi.js';
import { imports } from './0010-imports.js';
import { lookupIndexes } from './0011-lookup-indexes.js';
import { masterDataVersion } from './0012-master-data-version.js';
import { cartonWarehouse } from './0013-carton-warehouse.js';
import { partnersEdiEcho } from './0014-partners-edi-echo.js';
import { partnersCartonTracking } from './0015-partners-carton-tracking.js';
import { expiryWriteOffs } from './0016-expiry-write-offs.js';
import { shipmentBooking } from './0017-shipment-booking.js';
import { epcSerials } from './0018-epc-serials.js';
import { inboundAsns } from './0019-inbound-asns.js';
import { partnerSupplier } from './0020-partner-supplier.js';
import { shippingMasterData } from './0021-shipping-master-data.js';
import { putawayIndexes } from './0022-putaway-indexes.js';
import { shipmentDeliveredOn } from './0023-shipment-delivered-on.js';
import { shipmentLookupIndexes } from './0024-shipment-lookup-indexes.js';
import { webhookSinkWatermark } from './0025-webhook-sink-watermark.js';
import { liveBalanceIndexes } from './0026-live-balance-indexes.js';
import { leadTimeTotals } from './0027-lead-time-totals.js';
import { stockDayPairReads } from './0028-stock-day-pair-reads.js';

/** Every migration, in order. Names sort; never rename or edit one that has shipped. */
export function allMigrations(ddl: Ddl): Record<string, Migration> {
  return {
    '0001-foundation': foundation(ddl),
    '0002-sales': sales(ddl),
    '0003-fulfillment': fulfillment(ddl),
    '0004-purchasing': purchasing(ddl),
    '0005-counts': counts(ddl),
    '0006-kpis': kpis(ddl),
    '0007-webhooks': webhooks(ddl),
    '0008-users': users(ddl),
    '0009-edi': edi(ddl),
    '0010-imports': imports(ddl),
    '0011-lookup-indexes': lookupIndexes(),
    '0012-master-data-version': masterDataVersion(ddl),
    '0013-carton-warehouse': cartonWarehouse(),
    '0014-partners-edi-echo': partnersEdiEcho(),
    '0015-partners-carton-tracking': partnersCartonTracking(),
    '0016-expiry-write-offs': expiryWriteOffs(),
    '0017-shipment-booking': shipmentBooking(ddl),
    '0018-epc-serials': epcSerials(ddl),
    '0019-inbound-asns': inboundAsns(ddl),
    '0020-partner-supplier': partnerSupplier(),
    '0021-shipping-master-data': shippingMasterData(ddl),
    '0022-putaway-indexes': putawayIndexes(),
    '0023-shipment-delivered-on': shipmentDeliveredOn(),
    '0024-shipment-lookup-indexes': shipmentLookupIndexes(),
    '0025-webhook-sink-watermark': webhookSinkWatermark(),
    '0026-live-balance-indexes': liveBalanceIndexes(),
    '0027-lead-time-totals': leadTimeTotals(ddl),
    '0028-stock-day-pair-reads': stockDayPairReads(),
  };
}
