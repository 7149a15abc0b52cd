import { Type } from 'typebox';
import type { AppContext } from '../../../app/context.js';
import { cartonLabelData, type CarrierNames } from '../../../app/fulfillment/packing/label-data.js';
import { packingSlipData } from '../../../app/fulfillment/packing/packing-slip-data.js';
import type { CarrierRegistry } from '../../../core/fulfillment/carrier.js';
import { STAFF } from '../../../core/shared/roles.js';
import { renderCartonLabelPdf } from '../../labels/carton-label.js';
import { renderCartonLabelZpl } from '../../labels/carton-label-zpl.js';
import { renderPackingSlipPdf } from '../../labels/packing-slip-pdf.js';
import type { Api } from '../api.js';
import { IdParams } from './shipping.schemas.js';
import { FileOut } from '../response-shapes.js';

const tags = ['packing'];
const read = { roles: [...STAFF] };

/**
 * Printable documents of packing: the carton's GS1 logistics label (PDF for office printers,
 * ZPL for the dock's thermal printers) and the order's packing slip.
 */
export function registerLabelRoutes(api: Api, ctx: AppContext, carriers: CarrierRegistry) {
  const db = ctx.database.db;
  const names: CarrierNames = (code) => carriers.get(code)?.name;

  api.get(
    '/cartons/:id/label.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'Carton label (4×6 in PDF)',
        params: IdParams,
        response: { 200: FileOut('The label', 'application/pdf') },
      },
    },
    async (request, reply) => {
      const pdf = await renderCartonLabelPdf(await cartonLabelData(db, request.params.id, names));
      return reply.type('application/pdf').send(pdf);
    },
  );

  api.get(
    '/cartons/:id/label.zpl',
    {
      config: read,
      schema: {
        tags,
        summary: 'Carton label (ZPL II)',
        params: IdParams,
        response: { 200: FileOut('The label', 'application/zpl') },
      },
    },
    async (request, reply) => {
      const zpl = renderCartonLabelZpl(await cartonLabelData(db, request.params.id, names));
      return reply.type('application/zpl; charset=utf-8').send(zpl);
    },
  );

  api.get(
    '/orders/:id/packing-slip.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: "Packing slip for the order's next (or a given) shipment",
        params: IdParams,
        querystring: Type.Object(
          { shipmentId: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: { 200: FileOut('The packing slip', 'application/pdf') },
      },
    },
    async (request, reply) => {
      const data = await packingSlipData(
        db,
        request.params.id,
        names,
        ctx.now(),
        request.query.shipmentId,
      );
      return reply.type('application/pdf').send(await renderPackingSlipPdf(data));
    },
  );
}
