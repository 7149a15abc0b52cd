import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollEdiFolder } from '../../src/app/edi/edi-folder.js';
import { dialects } from '../support/databases.js';
import {
  createCustomer,
  createSku,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import { PO_850, VENDOR_PARTS, withControl } from './edi-fixtures.js';

const partnerBody = (customerId: number) => ({
  code: 'XYZ',
  customerId,
  isaQualifier: '12',
  isaId: '4405197800',
  gsId: '4405197800',
  ourIsaQualifier: '01',
  ourIsaId: '999999999',
  ourGsId: '999999999',
  version: '005010',
  elementSeparator: '|',
  segmentTerminator: '~',
});

describe.each(dialects)(
  'EDI over the API, the error queue and the watched folder, on %s',
  (dialect) => {
    let world: OrderWorld;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-edi-'));

    beforeAll(async () => {
      world = await startOrderWorld(dialect);
    });
    afterAll(async () => {
      await world?.api.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const inject = (method: 'GET' | 'POST', url: string, payload?: unknown, type?: string) =>
      world.api.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { ...world.api.as('manager'), ...(type ? { 'content-type': type } : {}) },
        ...(payload === undefined ? {} : { payload: payload as string }),
      });

    it('queues an interchange from an unknown sender with the reason, then reprocesses it once set up', async () => {
      const posted = await inject('POST', '/edi/interchanges', PO_850, 'text/plain');
      expect(posted.statusCode, posted.body).toBe(422);
      const queued = posted.json();
      expect(queued).toMatchObject({ status: 'error', orderIds: [] });
      expect(queued.errorReason).toMatch(/No trading partner with ISA sender 12:4405197800/);
      const queue = await inject('GET', '/edi/interchanges?status=error');
      expect(queue.json().items.map((i: { id: number }) => i.id)).toEqual([queued.id]);

      const customerId = await createCustomer(world, 'XYZ-API');
      const partner = await inject('POST', '/edi/partners', partnerBody(customerId));
      expect(partner.statusCode, partner.body).toBe(201);
      const partnerId = partner.json().id as number;
      for (const part of VENDOR_PARTS) {
        const skuId = await createSku(world, false);
        const xref = await inject('POST', `/edi/partners/${partnerId}/items`, {
          kind: 'vendor_part',
          value: part,
          skuId,
          packLevel: 'each',
        });
        expect(xref.statusCode, xref.body).toBe(201);
      }
      // Still no ship-to 0003947268292: the retry is rejected for that reason, not lost.
      const retried = await inject('POST', `/edi/interchanges/${queued.id}/reprocess`);
      expect(retried.statusCode, retried.body).toBe(200);
      expect(retried.json().errorReason).toMatch(/Ship-to 0003947268292/);
      await world.api.store.database.write((trx) =>
        trx
          .updateTable('customer_ship_tos')
          .set({ code: '0003947268292' })
          .where('customer_id', '=', customerId)
          .execute(),
      );
      const fixed = await inject('POST', `/edi/interchanges/${queued.id}/reprocess`);
      expect(fixed.json()).toMatchObject({ status: 'processed', errorReason: null });
      expect(fixed.json().orderIds).toHaveLength(1);
      const again = await inject('POST', `/edi/interchanges/${queued.id}/reprocess`);
      expect(again.statusCode).toBe(422);
      // The 997 goes out in the partner's 005010 profile with its separators.
      const ack = fixed.json().acks.find((a: { setId: string }) => a.setId === '997');
      expect(ack.raw).toMatch(/^ISA\|00\|/);
      expect(ack.raw).toContain('AK1|PO|1421|004010VICS~');
    });

    it('takes a JSON body and answers a duplicate with 200 and the first acknowledgments', async () => {
      const first = await inject('POST', '/edi/interchanges', { x12: withControl(PO_850, 9001) });
      expect(first.statusCode, first.body).toBe(201);
      const dup = await inject('POST', '/edi/interchanges', { x12: withControl(PO_850, 9001) });
      expect(dup.statusCode).toBe(200);
      expect(dup.json().status).toBe('duplicate');
      expect(dup.json().acks.map((a: { id: number }) => a.id)).toEqual(
        first.json().acks.map((a: { id: number }) => a.id),
      );
    });

    it('documents the EDI routes in the OpenAPI description', async () => {
      const spec = await world.api.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(spec.statusCode).toBe(200);
      expect(Object.keys(spec.json().paths)).toEqual(
        expect.arrayContaining(['/api/v1/edi/interchanges', '/api/v1/shipments/{id}/asn']),
      );
    });

    it('answers 404 problems for an ASN or 810 of something that does not exist', async () => {
      expect((await inject('GET', '/shipments/999/asn')).statusCode).toBe(404);
      expect((await inject('GET', '/invoices/999/edi')).statusCode).toBe(404);
    });

    // Found by the fuzz drill: Ajv's array coercion let `[{"x12": …}]` through the union,
    // and the handler read `.x12` of an array (500).
    it('refuses a JSON array body with 400 and stores nothing', async () => {
      const before = (await inject('GET', '/edi/interchanges')).json().items.length;
      const posted = await inject(
        'POST',
        '/edi/interchanges',
        JSON.stringify([{ x12: PO_850 }]),
        'application/json',
      );
      expect(posted.statusCode, posted.body).toBe(400);
      expect(posted.json().code).toBe('REQUEST.INVALID');
      expect((await inject('GET', '/edi/interchanges')).json().items.length).toBe(before);
    });

    it('moves folder files to processed/ or error/ with a reason, and writes the outbox', async () => {
      fs.mkdirSync(path.join(dir, 'inbox'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'inbox', 'po-1.edi'), withControl(PO_850, 9002));
      fs.writeFileSync(path.join(dir, 'inbox', 'junk.txt'), 'not an interchange');
      const poll = await pollEdiFolder(world.api.ctx, dir);
      expect(poll).toMatchObject({ processed: ['po-1.edi'], failed: ['junk.txt'] });
      expect(fs.readdirSync(path.join(dir, 'processed'))).toEqual(['po-1.edi']);
      expect(fs.readFileSync(path.join(dir, 'error', 'junk.txt.reason.txt'), 'utf8')).toMatch(
        /EDI.NOT_X12/,
      );
      const outbox = fs.readdirSync(path.join(dir, 'outbox'));
      expect(outbox.filter((n) => n.includes('-997-')).length).toBeGreaterThanOrEqual(3);
      expect(poll.written.sort()).toEqual(outbox.sort());
      expect((await pollEdiFolder(world.api.ctx, dir)).written).toEqual([]);
    });
  },
);
