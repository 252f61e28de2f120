/**
 * Property-based fuzz (fast-check) of the data parser and validator: random JSON-ish values,
 * random text and bytes, and the valid set with random values grafted in at random places. For
 * each: no exception, every problem well-formed (strings, one line, short, no invisible
 * characters), and the data that comes out keeps its contract (ids resolve, numbers finite).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/parse.ts';
import { formatProblem, type Problem } from '../../src/data/problems.ts';
import { DATA_FILES, type DataFile } from '../../src/data/types.ts';
import { validateData, type Validated } from '../../src/data/validate.ts';
import { readFixture } from './helpers.ts';

/** How many runs each property makes (the total is printed). */
const RUNS = { jsonish: 1500, text: 1000, bytes: 500, grafted: 2000 };

function wellFormed(problem: Problem): void {
  for (const part of [problem.file, problem.feature, problem.field, problem.message]) {
    expect(typeof part).toBe('string');
  }
  const line = formatProblem(problem);
  expect(line).not.toMatch(/[\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/);
  expect(line.length).toBeLessThan(700);
  expect(problem.message).not.toBe('');
  expect(problem.message).not.toMatch(/^internal error/);
}

/** What the validated data promises its readers (types.ts). */
function keepsContract({ data }: Validated): void {
  const stops = new Set([...data.hubs, ...data.places].map((f) => f.properties.id));
  for (const f of [...data.hubs, ...data.places, ...data.routes]) {
    for (const c of f.geometry.type === 'Point'
      ? [f.geometry.coordinates]
      : f.geometry.coordinates) {
      expect(c.every((n) => typeof n === 'number' && Number.isFinite(n))).toBe(true);
    }
  }
  for (const r of data.routes) {
    expect(stops.has(r.properties.from) && stops.has(r.properties.to)).toBe(true);
  }
  for (const h of data.hubs) {
    for (const fig of h.properties.figures) expect(Number.isFinite(fig.value)).toBe(true);
  }
}

function check(result: Validated): void {
  result.problems.forEach(wellFormed);
  keepsContract(result);
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    '\ufeff',
    '__proto__',
    'constructor',
    'javascript:alert(1)',
    '<script>alert(1)</script>',
    '\u202e',
    '\u200b',
    '2023-02-30',
    '9999-12-31',
    'NaN',
    'x'.repeat(5000),
  ),
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1, 180.0001, 90.5),
);
/** JSON-ish values, with the keys the validator looks for and prototype keys mixed in. */
const { value: jsonish } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          'type',
          'features',
          'properties',
          'geometry',
          'coordinates',
          'id',
          'name',
          'sources',
          'series',
          'points',
          '__proto__',
          'constructor',
        ),
      ),
      tie('value'),
      { maxKeys: 6 },
    ),
  ),
}));
const files = fc.record(
  Object.fromEntries(DATA_FILES.map((f) => [f, jsonish])) as Record<
    DataFile,
    fc.Arbitrary<unknown>
  >,
);

/** A path into the valid set, as indexes into the keys met on the way down. */
const graft = fc.record({
  file: fc.constantFrom(...DATA_FILES),
  path: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  value: jsonish,
});

function graftInto(
  base: Record<DataFile, unknown>,
  g: { file: DataFile; path: number[]; value: unknown },
): void {
  let node = base[g.file] as Record<string, unknown>;
  for (const [depth, step] of g.path.entries()) {
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[step % keys.length]!;
    const child = node[key];
    if (depth === g.path.length - 1 || typeof child !== 'object' || child === null) {
      node[key] = g.value;
      return;
    }
    node = child as Record<string, unknown>;
  }
}

const VALID = readFixture('valid-small');

describe('fuzz: the data parser and validator (fast-check)', () => {
  it(`never throws on ${RUNS.jsonish} random JSON-ish files`, { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(files, (f) => check(validateData(f))),
      { numRuns: RUNS.jsonish },
    );
  });

  it(
    `never throws on ${RUNS.text} random texts as file contents`,
    { timeout: 60_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(text, fc.json()), { minLength: 4, maxLength: 4 }),
          async (texts) => {
            check(await loadData(async (file) => texts[DATA_FILES.indexOf(file)]));
          },
        ),
        { numRuns: RUNS.text },
      );
    },
  );

  it(
    `never throws on ${RUNS.bytes} random byte strings as file contents`,
    { timeout: 60_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
          check(await loadData(async () => bytes));
        }),
        { numRuns: RUNS.bytes },
      );
    },
  );

  it(
    `keeps the contract on ${RUNS.grafted} valid sets with a random value grafted in`,
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(fc.array(graft, { minLength: 1, maxLength: 3 }), (grafts) => {
          const base = structuredClone(VALID);
          for (const g of grafts) graftInto(base, g);
          check(validateData(base));
        }),
        { numRuns: RUNS.grafted },
      );
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it('runs the number of cases it says', () => {
    const total = Object.values(RUNS).reduce((a, b) => a + b, 0);
    console.log(`fuzz: ${total} cases`);
    expect(total).toBeGreaterThanOrEqual(5000);
  });
});
