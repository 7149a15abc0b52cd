import type { Verdict } from './fuzz-contract.js';
import type { FuzzRequest } from './fuzz-requests.js';

/** What the tally keeps of a response: its status, body, and who sent what. */
export interface TalliedResponse {
  status: number;
  body: string;
  url: string;
  role: string;
}

const KEEP = 5;

/**
 * Counts a fuzz run's responses: statuses, kinds of request, 5xx and contract violations (the
 * first few kept whole, with the server's error), and responses whose status has no declared
 * schema, by (operation, status) — the findings list.
 */
export class FuzzTally {
  private requests = 0;
  private readonly statuses = new Map<number, number>();
  private readonly kinds = new Map<string, number>();
  private readonly undeclared = new Map<string, number>();
  private readonly answered2xx = new Set<string>();
  private readonly validRefused = new Map<string, number>();
  private readonly validRefusedWhy = new Map<string, string>();
  private serverErrors = 0;
  private violations = 0;
  private readonly violationKinds = new Map<string, string>();
  private readonly causes = new Map<string, { count: number; example: string }>();

  /** Adds one response (and the error the server threw for it, if any). */
  count(request: FuzzRequest, response: TalliedResponse, verdict: Verdict, thrown?: string) {
    this.requests++;
    bump(this.statuses, response.status);
    bump(this.kinds, request.kind);
    // A request valid by the published document that the server's validation refuses: the
    // document and the validation disagree (or a rule lives outside the schema).
    if (request.kind === 'valid' && response.status === 400) {
      bump(this.validRefused, request.op.name);
      if (!this.validRefusedWhy.has(request.op.name))
        this.validRefusedWhy.set(
          request.op.name,
          `${response.url} → ${thrown?.split('\n')[0] ?? detailOf(response.body)}`,
        );
    }
    if (response.status < 300) this.answered2xx.add(request.op.name);
    if (verdict.undeclared) bump(this.undeclared, `${request.op.name} ${response.status}`);
    if (!verdict.violation) return;
    const what = `${request.op.name} [${request.kind} as ${response.role}]`;
    if (response.status >= 500) {
      this.serverErrors++;
      // One example per cause (the thrown error's first line, numbers and quotes blurred).
      const cause = (thrown ?? response.body).split('\n')[0]!.replace(/"[^"]*"|[0-9]+/g, '…');
      const seen = this.causes.get(cause);
      if (seen) seen.count++;
      else {
        const stack = (thrown ?? '').split('\n').slice(0, 6).join('\n');
        this.causes.set(cause, { count: 1, example: `${what} ${response.url}\n${stack}` });
      }
    } else {
      this.violations++;
      // One example per operation and kind of violation: the same mismatch repeats.
      const key = `${request.op.name} ${verdict.violation.replace(/[0-9]+/g, 'N')}`;
      if (!this.violationKinds.has(key))
        this.violationKinds.set(key, `${what}: ${verdict.violation} (${response.url})`);
    }
  }

  /** The drill failures: 5xx and contract violations. */
  failures(): string[] {
    const out: string[] = [];
    if (this.serverErrors > 0) out.push(`${this.serverErrors} 5xx responses`);
    for (const [cause, { count, example }] of [...this.causes].slice(0, KEEP * 2))
      out.push(`${count} × 5xx "${cause}", e.g. ${example}`);
    if (this.violations > 0)
      out.push(
        `${this.violations} responses broke the contract`,
        ...[...this.violationKinds.values()].slice(0, 20),
      );
    return out;
  }

  /** The run's figures for drills/results.json. */
  figures() {
    const top = [...this.undeclared.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20);
    return {
      requests: this.requests,
      byKind: Object.fromEntries(this.kinds),
      statuses: Object.fromEntries([...this.statuses.entries()].sort((a, b) => a[0] - b[0])),
      serverErrors: this.serverErrors,
      contractViolations: this.violations,
      undeclared: [...this.undeclared.values()].reduce((a, b) => a + b, 0),
      undeclaredPairs: this.undeclared.size,
      undeclaredTop20: top.map(([pair, n]) => `${pair}: ${n}`),
      operationsAnswered2xx: this.answered2xx.size,
      validRefused400: [...this.validRefused.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([op, n]) => `${op}: ${n}, e.g. ${this.validRefusedWhy.get(op)}`),
    };
  }
}

function detailOf(body: string): string {
  try {
    return String((JSON.parse(body) as { detail?: unknown }).detail).slice(0, 200);
  } catch {
    return body.slice(0, 200);
  }
}

function bump<K>(map: Map<K, number>, key: K) {
  map.set(key, (map.get(key) ?? 0) + 1);
}
