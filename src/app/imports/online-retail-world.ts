import type { Tx } from '../../adapters/db/database.js';
import {
  retailAccountNumber,
  WALK_IN_ACCOUNT,
  type RetailLine,
} from '../../core/imports/online-retail.js';
import { FailureError } from '../../core/shared/result.js';
import { createSku } from '../catalog/create-sku.js';
import { createCustomer } from '../customers/create-customer.js';

/**
 * The customers and SKUs an online-retail import has met, by file key → id, with a journal
 * so a rolled-back batch (a dry run) forgets what it created. Ids already in the store are
 * looked up once per key.
 */
/** A key the import has met: its id, or null when it was made in a rolled-back dry-run batch. */
interface Known {
  id: number | null;
  /** The line it was made from, to make it again in the next dry-run batch. */
  madeFrom: RetailLine | null;
}

export class RetailWorld {
  private readonly customers = new Map<string, Known>();
  private readonly skus = new Map<string, Known>();
  private journal: (() => void)[] = [];
  /** What this batch created, to forget its ids after a dry-run rollback. */
  private made: Known[] = [];
  customersCreated = 0;
  skusCreated = 0;

  constructor(private readonly now: () => Date) {}

  /** Runs `undo` if the current batch fails and is retried. */
  onRollback(undo: () => void) {
    this.journal.push(undo);
  }

  /**
   * The batch ended. Committed: keep everything. Dry run: keep what would exist (and the
   * counts), but not the ids, which the rollback took away. Failed: forget the batch.
   */
  settle(outcome: 'committed' | 'dry-run' | 'failed') {
    if (outcome === 'failed') for (const undo of this.journal.reverse()) undo();
    if (outcome !== 'committed') for (const k of this.made) k.id = null;
    this.journal = [];
    this.made = [];
  }

  async customerId(trx: Tx, line: RetailLine): Promise<number> {
    const account = retailAccountNumber(line.customerId);
    return this.resolve(trx, this.customers, account, line, 'customersCreated', async (from) => {
      const found = await trx
        .selectFrom('customers')
        .select('id')
        .where('account_number', '=', account)
        .executeTakeFirst();
      return found ? Number(found.id) : from && (await this.openAccount(trx, account, from));
    });
  }

  async skuId(trx: Tx, line: RetailLine): Promise<number> {
    return this.resolve(trx, this.skus, line.stockCode, line, 'skusCreated', async (from) => {
      const found = await trx
        .selectFrom('skus')
        .select('id')
        .where('code', '=', line.stockCode)
        .executeTakeFirst();
      return found ? Number(found.id) : from && (await this.addSku(trx, from));
    });
  }

  /**
   * The id for a key: remembered, or found in the store, or made from `line` (counted as
   * created once, even if a dry run makes it again in later batches).
   */
  private async resolve(
    trx: Tx,
    map: Map<string, Known>,
    key: string,
    line: RetailLine,
    counter: 'customersCreated' | 'skusCreated',
    findOrMake: (from: RetailLine | null) => Promise<number | null>,
  ): Promise<number> {
    const known = map.get(key);
    if (known?.id != null) return known.id;
    if (known) {
      known.id = await findOrMake(known.madeFrom ?? line);
      this.made.push(known);
      return known.id!;
    }
    const found = await findOrMake(null);
    const entry: Known =
      found !== null ? { id: found, madeFrom: null } : { id: null, madeFrom: line };
    if (entry.id === null) {
      entry.id = await findOrMake(line);
      this.made.push(entry);
      this[counter] += 1;
    }
    map.set(key, entry);
    this.journal.push(() => {
      map.delete(key);
      if (entry.madeFrom) this[counter] -= 1;
    });
    return entry.id!;
  }

  /** The file has no addresses: the account says so, in the customer's country. */
  private async openAccount(trx: Tx, account: string, line: RetailLine): Promise<number> {
    const walkIn = account === WALK_IN_ACCOUNT;
    const view = await createCustomer(
      trx,
      {
        accountNumber: account,
        name: walkIn ? 'Walk-in and cash sales' : `Online retail customer ${line.customerId}`,
        currency: 'GBP',
        billTo: {
          line1: 'Address not in the source file',
          city: 'Unknown',
          postalCode: 'UNKNOWN',
          country: walkIn ? 'GB' : line.country,
        },
      },
      this.now(),
    );
    return view.id;
  }

  /** A SKU from the stock code and description; cost unknown (0), sold in eaches, GBP. */
  private async addSku(trx: Tx, line: RetailLine): Promise<number> {
    if (line.description === undefined)
      throw new FailureError({
        code: 'ONLINE_RETAIL.MISSING_DESCRIPTION',
        message: `New stock code ${line.stockCode} has no description to name the SKU`,
        details: { field: 'Description' },
      });
    const created = await createSku(
      trx,
      {
        code: line.stockCode,
        name: line.description.slice(0, 200),
        category: 'gift-ware',
        currency: 'GBP',
        standardCostMinor: 0,
      },
      this.now(),
    );
    if (!created.ok) throw new FailureError({ ...created.error, details: { field: 'StockCode' } });
    return created.value.id;
  }
}
