import { useName, type Kind } from './useNames';

/** A code and name where an id would otherwise show ("WH1 Main warehouse", not "1"). */
export function NameOf({ kind, id }: { kind: Kind; id: number | null | undefined }) {
  return <>{useName(kind, id)}</>;
}
