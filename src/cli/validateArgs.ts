/** The arguments of `npm run validate`: data folders, and `--today YYYY-MM-DD` for staleness. */
export interface ValidateArgs {
  dirs: string[];
  today: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseValidateArgs(
  argv: readonly string[],
  today: string,
): ValidateArgs | { error: string } {
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = arg.startsWith('--today=') ? arg.slice('--today='.length) : undefined;
    if (arg === '--today' || inline !== undefined) {
      const value = inline ?? argv[++i];
      if (value === undefined || !DAY.test(value) || Number.isNaN(Date.parse(value))) {
        return { error: `invalid --today: ${value ?? '(missing)'} (expected YYYY-MM-DD)` };
      }
      today = value;
    } else if (arg.startsWith('--')) {
      return {
        error: `unknown option: ${arg} (usage: npm run validate [dir …] [--today YYYY-MM-DD])`,
      };
    } else dirs.push(arg);
  }
  return { dirs, today };
}
