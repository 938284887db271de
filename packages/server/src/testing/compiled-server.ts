// Tests that run the `balena-local` command need the compiled server in dist/. Building it inside a
// test while another test runs the command rewrites files under a starting server, so `npm test`
// builds it once before vitest, and tests only build when the sources are newer than the build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestModification(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...fs.readdirSync(entry).map((name) => newestModification(path.join(entry, name))),
  );
}

/**
 * Builds the server (`npm run build`) unless dist/ is newer than every source file.
 *
 * @returns the package folder (its `bin/balena-local.js` runs the build).
 * @throws {Error} with the compiler's output when the build fails.
 * @example
 * const dir = ensureCompiledServer();
 * spawn(process.execPath, [path.join(dir, 'bin/balena-local.js'), '--port', '0']);
 */
export function ensureCompiledServer(): string {
  const built = path.join(packageDir, 'dist/cli.js');
  const sources = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((name) =>
    path.join(packageDir, name),
  );
  const upToDate =
    fs.existsSync(built) &&
    fs.statSync(built).mtimeMs >=
      Math.max(...sources.filter(fs.existsSync).map(newestModification));
  if (upToDate) return packageDir;
  try {
    execFileSync('npm', ['run', 'build'], { cwd: packageDir, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: err });
  }
  return packageDir;
}
