import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import { FailureError } from '../../core/shared/result.js';
import { balanceAt, type MovementInput } from './ledger.js';

/**
 * Posts several movements of one command with a constant number of statements, whatever
 * their number: one conditional update takes from every real source balance, one upsert adds
 * to every real destination, one insert appends every movement. The rules are postMovement's:
 * a source gives only what it holds unreserved (else `INVENTORY.INSUFFICIENT_AVAILABLE`, and
 * the caller's transaction rolls back), external mirrors keep no balance row. Legs on the same
 * balance are summed first, since one statement may touch a row only once.
 */
export async function postMovements(
  trx: Tx,
  movements: readonly MovementInput[],
  nowIso: string,
): Promise<void> {
  if (movements.length === 0) return;
  const takes = new Map<string, BalanceDelta>();
  const adds = new Map<string, BalanceDelta>();
  for (const m of movements) {
    if (!m.from.mayGoNegative)
      sum(takes, m.from.id, m.from.warehouseId, m, m.quantity, m.fromAllocated ?? 0);
    if (!m.to.mayGoNegative) sum(adds, m.to.id, m.to.warehouseId, m, m.quantity, 0);
  }
  if (takes.size > 0) await takeAll(trx, sorted(takes), nowIso);
  if (adds.size > 0) await runSql(trx, ADD_ALL, [nowIso, JSON.stringify(sorted(adds))]);
  const rows = movements.map((m) => ({
    sku_id: m.skuId,
    lot_id: m.lotId,
    from_location_id: m.from.id,
    to_location_id: m.to.id,
    quantity: m.quantity,
    type: m.type,
    reason_code: m.reasonCode ?? null,
    reference: m.reference ?? null,
    actor: m.actor,
  }));
  await runSql(trx, INSERT_MOVEMENTS, [nowIso, JSON.stringify(rows)]);
}

interface BalanceDelta {
  location_id: number;
  sku_id: number;
  lot_id: number;
  warehouse_id: number;
  quantity: number;
  reserved: number;
}

function sum(
  into: Map<string, BalanceDelta>,
  locationId: number,
  warehouseId: number,
  m: MovementInput,
  quantity: number,
  reserved: number,
) {
  const key = `${locationId}/${m.skuId}/${m.lotId}`;
  const row = into.get(key);
  if (row) {
    row.quantity += quantity;
    row.reserved += reserved;
  } else {
    into.set(key, {
      location_id: locationId,
      sku_id: m.skuId,
      lot_id: m.lotId,
      warehouse_id: warehouseId,
      quantity,
      reserved,
    });
  }
}

/** Balances in key order, as postMovement touches them, so concurrent writers queue alike. */
function sorted(deltas: Map<string, BalanceDelta>): BalanceDelta[] {
  return [...deltas.values()].sort(
    (a, b) => a.location_id - b.location_id || a.sku_id - b.sku_id || a.lot_id - b.lot_id,
  );
}

async function takeAll(trx: Tx, takes: readonly BalanceDelta[], nowIso: string) {
  const taken = await runSql<{ location_id: number; sku_id: number; lot_id: number }>(
    trx,
    TAKE_ALL,
    [nowIso, JSON.stringify(takes)],
  );
  if (taken.length === takes.length) return;
  const done = new Set(taken.map((t) => `${t.location_id}/${t.sku_id}/${t.lot_id}`));
  const short = takes.find((t) => !done.has(`${t.location_id}/${t.sku_id}/${t.lot_id}`))!;
  const balance = await balanceAt(trx, short.location_id, short.sku_id, short.lot_id);
  throw new FailureError({
    code: 'INVENTORY.INSUFFICIENT_AVAILABLE',
    message: `Only ${balance.available} unreserved at this location; ${short.quantity - short.reserved} needed`,
    details: {
      locationId: short.location_id,
      skuId: short.sku_id,
      lotId: short.lot_id,
      requested: short.quantity,
      ...balance,
    },
  });
}

const TAKE_ALL = fixedSql(
  'ledger.take-all',
  `update stock_balances set on_hand = on_hand - j.quantity, allocated = allocated - j.reserved,
     updated_at = ?
   from (select value ->> 'location_id' as location_id, value ->> 'sku_id' as sku_id,
           value ->> 'lot_id' as lot_id, value ->> 'quantity' as quantity,
           value ->> 'reserved' as reserved
         from json_each(?)) as j
   where stock_balances.location_id = j.location_id and stock_balances.sku_id = j.sku_id
     and stock_balances.lot_id = j.lot_id and stock_balances.allocated >= j.reserved
     and stock_balances.on_hand - stock_balances.allocated >= j.quantity - j.reserved
   returning stock_balances.location_id, stock_balances.sku_id, stock_balances.lot_id`,
  `update stock_balances b set on_hand = b.on_hand - j.quantity,
     allocated = b.allocated - j.reserved, updated_at = $1
   from jsonb_to_recordset($2::jsonb)
     as j(location_id bigint, sku_id bigint, lot_id bigint, quantity bigint, reserved bigint)
   where b.location_id = j.location_id and b.sku_id = j.sku_id and b.lot_id = j.lot_id
     and b.allocated >= j.reserved and b.on_hand - b.allocated >= j.quantity - j.reserved
   returning b.location_id, b.sku_id, b.lot_id`,
);

// `where true` keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
const ADD_ALL = fixedSql(
  'ledger.add-all',
  `insert into stock_balances (location_id, sku_id, lot_id, warehouse_id, on_hand, allocated,
     updated_at)
   select value ->> 'location_id', value ->> 'sku_id', value ->> 'lot_id',
          value ->> 'warehouse_id', value ->> 'quantity', 0, ?
   from json_each(?) where true
   on conflict (location_id, sku_id, lot_id)
   do update set on_hand = stock_balances.on_hand + excluded.on_hand,
     updated_at = excluded.updated_at`,
  `insert into stock_balances (location_id, sku_id, lot_id, warehouse_id, on_hand, allocated,
     updated_at)
   select j.location_id, j.sku_id, j.lot_id, j.warehouse_id, j.quantity, 0, $1
   from jsonb_to_recordset($2::jsonb)
     as j(location_id bigint, sku_id bigint, lot_id bigint, warehouse_id bigint, quantity bigint)
   on conflict (location_id, sku_id, lot_id)
   do update set on_hand = stock_balances.on_hand + excluded.on_hand,
     updated_at = excluded.updated_at`,
);

const INSERT_MOVEMENTS = fixedSql(
  'ledger.movements',
  `insert into stock_movements (sku_id, lot_id, from_location_id, to_location_id, quantity, type,
     reason_code, reference, actor, created_at)
   select value ->> 'sku_id', value ->> 'lot_id', value ->> 'from_location_id',
          value ->> 'to_location_id', value ->> 'quantity', value ->> 'type',
          value ->> 'reason_code', value ->> 'reference', value ->> 'actor', ?
   from json_each(?) order by key`,
  `insert into stock_movements (sku_id, lot_id, from_location_id, to_location_id, quantity, type,
     reason_code, reference, actor, created_at)
   select (e ->> 'sku_id')::bigint, (e ->> 'lot_id')::bigint,
          (e ->> 'from_location_id')::bigint, (e ->> 'to_location_id')::bigint,
          (e ->> 'quantity')::bigint, e ->> 'type', e ->> 'reason_code', e ->> 'reference',
          e ->> 'actor', $1
   from jsonb_array_elements($2::jsonb) with ordinality as r(e, n) order by n`,
);
