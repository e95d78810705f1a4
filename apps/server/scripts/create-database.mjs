// Creates (or with --drop, drops) a database on a PostgreSQL server: CI gets a fresh one per run.
import postgres from 'postgres';

const [serverUrl, name, flag] = process.argv.slice(2);
if (!serverUrl || !/^[a-z0-9_]+$/.test(name ?? '')) {
  console.error('usage: create-database.mjs <server-url> <name> [--drop]');
  process.exit(2);
}
const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
try {
  if (flag === '--drop') await sql.unsafe(`drop database if exists ${name} with (force)`);
  else await sql.unsafe(`create database ${name}`);
} finally {
  await sql.end();
}
