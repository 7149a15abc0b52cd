import {
  serviceOf,
  type Booking,
  type Carrier,
  type CarrierService,
  type Rate,
  type ShipmentCarton,
  type ShipmentRequest,
} from '../../core/fulfillment/carrier.js';
import { fail, ok, type Result } from '../../core/shared/result.js';

/** How to reach EasyPost: its REST API (v2) and the carrier accounts' services we offer. */
export interface EasyPostConfig {
  apiKey: string;
  /** `https://api.easypost.com/v2`, or a stand-in in tests. */
  baseUrl: string;
  /** Offered services: EasyPost carrier + service names, with our transit days. */
  services: readonly { carrier: string; service: string; transitDays: number }[];
  /** Milliseconds before a call counts as failed. */
  timeoutMs?: number;
}

/** An EasyPost rate as the API returns it (`rate` is a decimal string). */
interface EasyPostRate {
  id: string;
  carrier: string;
  service: string;
  rate: string;
  currency: string;
}

interface EasyPostShipment {
  id: string;
  rates?: EasyPostRate[];
  tracking_code?: string | null;
}

/** A carton's EasyPost shipment, its rate for our service, and its tracking code once bought. */
interface Quote {
  shipmentId: string;
  rate: EasyPostRate;
  costMinor: number;
  trackingCode: string | null;
}

const GRAMS_PER_OUNCE = 28.349523125;
const MM_PER_INCH = 25.4;
const inches = (mm: number | null) =>
  mm === null ? undefined : Math.round((mm / MM_PER_INCH) * 10) / 10;

/** Our service code for an EasyPost carrier + service: `UPS-Ground`. */
export const easyPostServiceCode = (carrier: string, service: string) => `${carrier}-${service}`;

/**
 * EasyPost's `EASYPOST_SERVICES` setting: `UPS:Ground:3,USPS:Priority:2` (carrier, service,
 * transit days). The built-in table-rate carrier stays the default when EasyPost is not set up.
 */
export function easyPostConfigFromEnv(env: NodeJS.ProcessEnv): EasyPostConfig | null {
  const apiKey = env.EASYPOST_API_KEY;
  if (!apiKey) return null;
  const services = (env.EASYPOST_SERVICES ?? 'UPS:Ground:3,USPS:Priority:2,FedEx:FEDEX_GROUND:3')
    .split(',')
    .map((s) => s.trim().split(':'))
    .filter((p) => p.length === 3 && /^\d+$/.test(p[2]!))
    .map(([carrier, service, days]) => ({
      carrier: carrier!,
      service: service!,
      transitDays: Number(days),
    }));
  return {
    apiKey,
    baseUrl: (env.EASYPOST_BASE_URL ?? 'https://api.easypost.com/v2').replace(/\/$/, ''),
    services,
  };
}

/**
 * Parcels through EasyPost, a multi-carrier shipping API (UPS, USPS, FedEx… on the
 * distributor's own accounts): one EasyPost shipment per carton, rated with `POST /shipments`
 * and bought with `POST /shipments/{id}/buy`, whose `tracking_code` is the carton's number.
 */
export class EasyPostCarrier implements Carrier {
  readonly code = 'EASYPOST';
  readonly name = 'EasyPost';
  readonly services: readonly CarrierService[];

  constructor(private readonly config: EasyPostConfig) {
    this.services = config.services.map((s) => ({
      code: easyPostServiceCode(s.carrier, s.service),
      name: `${s.carrier} ${s.service}`,
      mode: 'parcel' as const,
      transitDays: s.transitDays,
    }));
  }

  async rate(shipment: ShipmentRequest): Promise<Result<Rate>> {
    const quoted = await this.quoteAll(shipment);
    if (!quoted.ok) return quoted;
    const costMinor = quoted.value.reduce((n, q) => n + q.costMinor, 0);
    return ok({
      costMinor,
      currency: quoted.value[0]?.rate.currency ?? 'USD',
      reference: quoted.value.map((q) => q.shipmentId).join(' '),
    });
  }

  /**
   * Buys one label per carton. With the reference from `rate` (EasyPost shipment ids, one per
   * carton) it reads each shipment back first: one already bought — a booking whose answer was
   * lost, or whose confirmation failed — gives its tracking code again instead of a second label.
   */
  async ship(shipment: ShipmentRequest): Promise<Result<Booking>> {
    const ids = shipment.reference?.split(' ').filter((id) => id !== '') ?? [];
    const quoted =
      ids.length === shipment.cartons.length && ids.length > 0
        ? await this.readBack(shipment, ids)
        : await this.quoteAll(shipment);
    if (!quoted.ok) return quoted;
    const trackingNumbers: string[] = [];
    for (const q of quoted.value) {
      const bought = q.trackingCode
        ? ok({ id: q.shipmentId, tracking_code: q.trackingCode })
        : await this.call<EasyPostShipment>(`/shipments/${q.shipmentId}/buy`, {
            rate: { id: q.rate.id },
          });
      if (!bought.ok) return bought;
      if (!bought.value.tracking_code)
        return fail('CARRIER.UNAVAILABLE', 'EasyPost bought the label but gave no tracking code', {
          shipmentId: q.shipmentId,
        });
      trackingNumbers.push(bought.value.tracking_code);
    }
    return ok({ trackingNumbers });
  }

  /** The shipments created when rating (`GET /shipments/{id}`), with their tracking code if bought. */
  private async readBack(shipment: ShipmentRequest, ids: readonly string[]) {
    const quotes: Quote[] = [];
    for (const [i, id] of ids.entries()) {
      const read = await this.call<EasyPostShipment>(`/shipments/${id}`);
      if (!read.ok) return read;
      const quote = this.quoteOf(shipment, shipment.cartons[i]!, read.value);
      if (!quote.ok) return quote;
      quotes.push({ ...quote.value, trackingCode: read.value.tracking_code ?? null });
    }
    return ok(quotes);
  }

  /** One EasyPost shipment per carton, and its rate for the chosen service. */
  private async quoteAll(shipment: ShipmentRequest) {
    const service = serviceOf(this, shipment.service);
    if (!service.ok) return service;
    if (shipment.cartons.length === 0) return fail('CARRIER.NO_CARTONS', 'Nothing to ship');
    const quotes: Quote[] = [];
    for (const carton of shipment.cartons) {
      const created = await this.call<EasyPostShipment>('/shipments', {
        shipment: shipmentBody(shipment, carton),
      });
      if (!created.ok) return created;
      const quote = this.quoteOf(shipment, carton, created.value);
      if (!quote.ok) return quote;
      quotes.push(quote.value);
    }
    return ok(quotes);
  }

  /** The EasyPost shipment's rate for the chosen service. */
  private quoteOf(
    shipment: ShipmentRequest,
    carton: ShipmentCarton,
    created: EasyPostShipment,
  ): Result<Quote> {
    const service = serviceOf(this, shipment.service);
    if (!service.ok) return service;
    const wanted = this.config.services.find(
      (s) => easyPostServiceCode(s.carrier, s.service) === service.value.code,
    )!;
    const rate = created.rates?.find(
      (r) => r.carrier === wanted.carrier && r.service === wanted.service,
    );
    if (!rate)
      return fail('CARRIER.NO_RATE', `${service.value.name} does not serve this parcel`, {
        sscc: carton.sscc,
      });
    return ok({
      shipmentId: created.id,
      rate,
      costMinor: Math.round(Number(rate.rate) * 100),
      trackingCode: null,
    });
  }

  /** POST with a body, GET without. */
  private async call<T>(path: string, body?: unknown): Promise<Result<T>> {
    try {
      const response = await fetch(`${this.config.baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${this.config.apiKey}:`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 15_000),
      });
      const json = (await response.json().catch(() => ({}))) as {
        error?: { code?: string; message?: string };
      };
      if (!response.ok)
        return fail(
          'CARRIER.REFUSED',
          json.error?.message ?? `EasyPost answered ${response.status}`,
          {
            status: response.status,
            easyPostCode: json.error?.code ?? null,
          },
        );
      return ok(json as T);
    } catch (error) {
      return fail(
        'CARRIER.UNAVAILABLE',
        `EasyPost could not be reached: ${(error as Error).message}`,
      );
    }
  }
}

/** EasyPost's shipment shape: addresses by postal code and country, the parcel in oz and inches. */
function shipmentBody(shipment: ShipmentRequest, carton: ShipmentCarton) {
  return {
    from_address: { zip: shipment.origin.postalCode, country: shipment.origin.country },
    to_address: { zip: shipment.destination.postalCode, country: shipment.destination.country },
    parcel: {
      weight: Math.ceil((carton.weightG / GRAMS_PER_OUNCE) * 10) / 10,
      length: inches(carton.lengthMm),
      width: inches(carton.widthMm),
      height: inches(carton.heightMm),
    },
    reference: carton.sscc,
  };
}
