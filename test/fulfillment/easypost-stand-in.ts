import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the stand-in misbehaves: a slow carrier, refused buys, bought labels whose answer is lost. */
export interface StandInFaults {
  /** Milliseconds before a buy answers. */
  buyDelayMs: number;
  /** Buys refused (HTTP 500, nothing bought) before they succeed again. */
  refuseBuys: number;
  /** Buys that buy the label but answer HTTP 500 (the answer is lost on the way back). */
  loseBuyAnswers: number;
}

export const API_KEY = 'EZTK_test';

/**
 * A local stand-in for EasyPost's v2 API, answering in its published shapes: `POST /shipments`
 * returns the shipment with its `rates`, `POST /shipments/{id}/buy` the bought shipment with
 * its `tracking_code` (a second buy is refused, as EasyPost refuses it), `GET /shipments/{id}`
 * the shipment as it is now. It records what it was sent and how many labels it sold.
 */
export function easyPostStandIn() {
  const seen: { path: string; auth: string | undefined; body: Record<string, unknown> }[] = [];
  const created = new Map<string, { id: string; rates: unknown[]; tracking_code: string | null }>();
  const faults: StandInFaults = { buyDelayMs: 0, refuseBuys: 0, loseBuyAnswers: 0 };
  const buyListeners: (() => void)[] = [];
  let n = 0;
  let labelsSold = 0;
  let buysAnswered = 0;
  const answer = (res: http.ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(text || '{}') as Record<string, unknown>;
      seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`) {
        answer(res, 401, { error: { code: 'APIKEY.INVALID', message: 'bad key' } });
        return;
      }
      const buy = /^\/v2\/shipments\/(shp_\d+)\/buy$/.exec(req.url ?? '');
      const read = /^\/v2\/shipments\/(shp_\d+)$/.exec(req.url ?? '');
      const known = created.get((buy ?? read)?.[1] ?? '');
      if (read && req.method === 'GET' && known)
        return answer(res, 200, { object: 'Shipment', ...known });
      if (buy && known) {
        buyListeners.splice(0).forEach((listener) => listener());
        setTimeout(() => {
          buysAnswered++;
          if (known.tracking_code)
            return answer(res, 422, {
              error: { code: 'SHIPMENT.POSTAGE.EXISTS', message: 'bought' },
            });
          if (faults.refuseBuys > 0) {
            faults.refuseBuys--;
            return answer(res, 500, { error: { code: 'INTERNAL_SERVER_ERROR', message: 'down' } });
          }
          known.tracking_code = `1Z000${buy[1]!.slice(4)}`;
          labelsSold++;
          if (faults.loseBuyAnswers > 0) {
            faults.loseBuyAnswers--;
            return answer(res, 500, { error: { code: 'INTERNAL_SERVER_ERROR', message: 'lost' } });
          }
          answer(res, 200, known);
        }, faults.buyDelayMs);
        return;
      }
      const shipment = body.shipment as { to_address: { zip: string } };
      const id = `shp_${++n}`;
      const rates =
        shipment.to_address.zip === '99999'
          ? []
          : [
              {
                id: `rate_${n}a`,
                carrier: 'UPS',
                service: 'Ground',
                rate: '8.15',
                currency: 'USD',
              },
              {
                id: `rate_${n}b`,
                carrier: 'USPS',
                service: 'Priority',
                rate: '9.40',
                currency: 'USD',
              },
            ];
      created.set(id, { id, rates, tracking_code: null });
      answer(res, 201, { id, object: 'Shipment', rates });
    });
  });
  return {
    server,
    seen,
    faults,
    labelsSold: () => labelsSold,
    /** Buy requests answered so far (whatever the answer). */
    buysAnswered: () => buysAnswered,
    /** Resolves when the next buy request arrives (before it is answered). */
    nextBuy: () => new Promise<void>((resolve) => buyListeners.push(resolve)),
    /** Listens on a free local port; the environment that points the EASYPOST carrier at it. */
    async start(): Promise<NodeJS.ProcessEnv> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      return {
        EASYPOST_API_KEY: API_KEY,
        EASYPOST_BASE_URL: `http://127.0.0.1:${port}/v2`,
        EASYPOST_SERVICES: 'UPS:Ground:3,USPS:Priority:2',
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
