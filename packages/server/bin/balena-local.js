#!/usr/bin/env node
// Entry point of `npx balena-local`: runs the compiled CLI (build it with `npm run build -w balena-local-api`).
// pinejs pipelines queries on one pg client, which pg@8 reports as a deprecation on every start.
process.noDeprecation = true;
const { runCli } = await import('../dist/cli.js');

runCli(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
