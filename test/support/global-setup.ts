import pg from 'pg';

/**
 * Decides once per run whether the PostgreSQL half of the suite runs. With CI=true (or
 * STOCKLINE_REQUIRE_PG=1) an unreachable server fails the whole run; on a laptop without
 * PostgreSQL the SQLite half runs and this says, loudly, what was skipped.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  process.env.TEST_DATABASE_URL = url;
  const required = process.env.CI === 'true' || process.env.STOCKLINE_REQUIRE_PG === '1';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
    process.env.STOCKLINE_TEST_PG = '1';
  } catch (error) {
    if (required) {
      throw new Error(
        `PostgreSQL is required (CI=true) but ${url} is not reachable: ${String(error)}`,
      );
    }
    process.env.STOCKLINE_TEST_PG = '0';
    const line = '!'.repeat(78);
    console.warn(
      `\n${line}\n! PostgreSQL at ${url} is not reachable: SKIPPING every PostgreSQL test.\n! Only the SQLite half of the suite runs. CI=true makes this a failure.\n${line}\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
