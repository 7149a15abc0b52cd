import { useState } from 'react';
import { post } from '../../api/client';
import type { OrderDetail } from '../../api/types';
import { money } from '../../ui/format';
import { ProblemBox } from '../../ui/ProblemBox';
import { useCommand } from '../../ui/useApi';
import { useNames } from '../../ui/useNames';

/** The order's lines: ordered, allocated, picked, shipped, backordered; editable quantities. */
export function OrderLines({
  order,
  editable,
  onChanged,
}: {
  order: OrderDetail;
  /** Quantities can change only before release (the server's `isEditable`). */
  editable: boolean;
  onChanged: () => void;
}) {
  const [edits, setEdits] = useState<Record<number, number>>({});
  const command = useCommand();
  const skus = useNames(
    'skus',
    order.lines.map((l) => l.skuId),
  );
  const changed = Object.entries(edits);

  const save = async () => {
    const change = changed.map(([lineId, packQuantity]) => {
      const line = order.lines.find((l) => l.id === Number(lineId));
      return { lineId: Number(lineId), packLevel: line?.packLevel ?? 'each', packQuantity };
    });
    const done = await command.run(() => post(`/orders/${order.id}/edit`, { change }));
    if (done !== undefined) {
      setEdits({});
      onChanged();
    }
  };

  return (
    <>
      <h2>Lines</h2>
      <table>
        <caption className="sr-only">Order lines</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">SKU</th>
            <th scope="col">Pack</th>
            <th scope="col" className="num">
              Packs
            </th>
            <th scope="col" className="num">
              Ordered
            </th>
            <th scope="col" className="num">
              Allocated
            </th>
            <th scope="col" className="num">
              Picked
            </th>
            <th scope="col" className="num">
              Shipped
            </th>
            <th scope="col" className="num">
              Backordered
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.lineNumber}</td>
              <td data-testid={`sku-${l.lineNumber}`}>{skus.get(l.skuId) ?? l.skuId}</td>
              <td>{l.packLevel}</td>
              <td className="num" data-testid={`packs-${l.lineNumber}`}>
                {!editable ? (
                  l.packQuantity
                ) : (
                  <input
                    type="number"
                    min={1}
                    aria-label={`Packs on line ${l.lineNumber}`}
                    value={edits[l.id] ?? l.packQuantity}
                    onChange={(e) =>
                      setEdits({ ...edits, [l.id]: Math.max(1, Number(e.target.value)) })
                    }
                  />
                )}
              </td>
              <td className="num">{l.quantityOrdered}</td>
              <td className="num" data-testid={`allocated-${l.lineNumber}`}>
                {l.quantityAllocated}
              </td>
              <td className="num">{l.quantityPicked ?? 0}</td>
              <td className="num">{l.quantityShipped ?? 0}</td>
              <td className={l.quantityBackordered > 0 ? 'num warn' : 'num'}>
                {l.quantityBackordered}
              </td>
              <td className="num">{money(l.unitPriceMinor, order.currency)}</td>
              <td className="num">{money(l.lineTotalMinor, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && changed.length > 0 && (
        <button type="button" onClick={() => void save()} disabled={command.busy}>
          Save quantities
        </button>
      )}
      <ProblemBox problem={command.problem} />
    </>
  );
}
