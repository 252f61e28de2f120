// One `vite build` of the repository into a folder of its own (never dist/, which the other test
// files serve), for the browser files that need a build of their own: a changed data folder
// (snapshots.test.ts), a house style (house.test.ts). Returns what vite printed.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repo = fileURLToPath(new URL('../../', import.meta.url));
const vite = join(repo, 'node_modules/.bin/vite');

export async function viteBuild(outDir: string, env: Record<string, string>): Promise<string> {
  const { stdout, stderr } = await run(
    vite,
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: repo,
      env: { ...process.env, ...env },
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout + stderr;
}
