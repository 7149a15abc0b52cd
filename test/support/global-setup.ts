import fs from 'node:fs';
import { connect } from 'nats';
import pg from 'pg';

/** A loud banner: a skipped half of the suite must not pass unnoticed. */
function warnSkipped(what: string, why: string) {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n! ${what} is not usable: SKIPPING ${why}.\n! CI=true makes this a failure.\n${line}\n`,
  );
}

/**
 * Decides once per run whether the PostgreSQL half of the suite runs. With CI=true (or
 * STOCKLINE_REQUIRE_PG=1) an unreachable server fails the whole run; on a laptop without
 * PostgreSQL the SQLite half runs and this says, loudly, what was skipped.
 */
async function checkPostgres(required: boolean) {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  process.env.TEST_DATABASE_URL = url;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
    process.env.STOCKLINE_TEST_PG = '1';
  } catch (error) {
    if (required || process.env.STOCKLINE_REQUIRE_PG === '1') {
      throw new Error(
        `PostgreSQL is required (CI=true) but ${url} is not reachable: ${String(error)}`,
      );
    }
    process.env.STOCKLINE_TEST_PG = '0';
    warnSkipped(`PostgreSQL at ${url}`, 'every PostgreSQL test; only the SQLite half runs');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The same for NATS with JetStream (the outbox sink's tests): required under CI=true (or
 * STOCKLINE_REQUIRE_NATS=1), otherwise those tests skip with a banner.
 */
async function checkNats(required: boolean) {
  const url = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
  process.env.TEST_NATS_URL = url;
  try {
    const nc = await connect({ servers: url, timeout: 5000, reconnect: false });
    try {
      await nc.jetstreamManager(); // refuses when the server runs without JetStream (-js)
    } finally {
      await nc.close();
    }
    process.env.STOCKLINE_TEST_NATS = '1';
  } catch (error) {
    if (required || process.env.STOCKLINE_REQUIRE_NATS === '1') {
      throw new Error(
        `NATS with JetStream is required (CI=true) but ${url} is not usable: ${String(error)}`,
      );
    }
    process.env.STOCKLINE_TEST_NATS = '0';
    warnSkipped(`NATS JetStream at ${url}`, 'the NATS outbox sink tests');
  }
}

/**
 * And for the browser tests' Chromium (Debian's package, or CHROMIUM_PATH; playwright-core
 * downloads none): required under CI=true (or STOCKLINE_REQUIRE_BROWSER=1).
 */
function checkChromium(required: boolean) {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(executable)) {
    process.env.STOCKLINE_TEST_BROWSER = '1';
    return;
  }
  if (required || process.env.STOCKLINE_REQUIRE_BROWSER === '1')
    throw new Error(`Chromium is required (CI=true) but ${executable} does not exist`);
  process.env.STOCKLINE_TEST_BROWSER = '0';
  warnSkipped(`Chromium at ${executable}`, 'the browser tests (test/web, real browser)');
}

export default async function setup() {
  const required = process.env.CI === 'true';
  await checkPostgres(required);
  await checkNats(required);
  checkChromium(required);
}
