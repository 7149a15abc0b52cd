import type { AppContext } from '../../../app/context.js';
import { asnView, closeAsn, listAsns } from '../../../app/receiving/asn-views.js';
import { receiveSscc } from '../../../app/receiving/receive-sscc.js';
import { STAFF, STOCK_WRITERS } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { idempotentWrite } from '../idempotency.js';
import { Shape } from '../response-shapes.js';
import { AsnListOut, AsnOut, AsnParams, AsnQuery, SsccScanIn, SsccScanOut } from './asn.schemas.js';

const tags = ['receiving'];

/** Suppliers' ship notices (856) and receiving their pallets and cartons by SSCC. */
export function registerAsnRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/receiving/sscc-scans',
    {
      config: { roles: STOCK_WRITERS },
      schema: {
        tags,
        summary:
          "Receive a pallet or carton by its SSCC label: its ship notice's contents, lots and expiry, against the PO",
        body: SsccScanIn,
        response: { 201: SsccScanOut },
      },
    },
    (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 201, (trx) =>
        receiveSscc(trx, request.body, request.actor.id, ctx.now()),
      ),
  );

  api.get(
    '/receiving/asns',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'Supplier ship notices, newest first',
        querystring: AsnQuery,
        response: { 200: Shape(AsnListOut) },
      },
    },
    async (request) => {
      const { limit = 100, ...filter } = request.query;
      return { items: await listAsns(ctx.database.db, { ...filter, limit }) };
    },
  );

  api.get(
    '/receiving/asns/:id',
    {
      config: { roles: STAFF },
      schema: {
        tags,
        summary: 'A ship notice: containers by SSCC, items, what is not scanned yet, discrepancies',
        params: AsnParams,
        response: { 200: Shape(AsnOut) },
      },
    },
    async (request) => asnView(ctx.database.db, request.params.id),
  );

  api.post(
    '/receiving/asns/:id/close',
    {
      config: { roles: STOCK_WRITERS },
      schema: {
        tags,
        summary: 'Close a ship notice: containers never scanned become discrepancies',
        params: AsnParams,
        response: { 200: Shape(AsnOut) },
      },
    },
    (request, reply) =>
      idempotentWrite(ctx.database, request, reply, 200, (trx) =>
        closeAsn(trx, request.params.id, request.actor.id, ctx.now()),
      ),
  );
}
