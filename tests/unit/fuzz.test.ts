/**
 * Property-based fuzz (fast-check) of the data parser and validator: random JSON-ish values,
 * random text and bytes, and the valid set with random values grafted in at random places. For
 * each: no exception, every problem well-formed (strings, one line, short, no invisible
 * characters), and the data that comes out keeps its contract (ids resolve, numbers finite).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_DAY, LAST_DAY, MAX_NAME } from '../../src/data/fields.ts';
import { loadData } from '../../src/data/parse.ts';
import { formatProblem, type Problem } from '../../src/data/problems.ts';
import { DATA_FILES, type DataFile } from '../../src/data/types.ts';
import { validateData, type Validated } from '../../src/data/validate.ts';
import { readFixture, setAt } from './helpers.ts';

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
    expect(r.properties.opened >= FIRST_DAY && r.properties.opened <= LAST_DAY).toBe(true);
  }
  for (const f of [...data.hubs, ...data.places, ...data.routes]) {
    const { zh, en } = f.properties.name;
    expect(zh.length <= MAX_NAME && en.length <= MAX_NAME).toBe(true);
  }
  for (const h of data.hubs) {
    for (const fig of h.properties.figures) {
      expect(Number.isFinite(fig.value)).toBe(true);
      expect(fig.unit === 'percent' || fig.value >= 0).toBe(true);
    }
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

const VALID = readFixture('valid-small');

/** Every place (container or leaf) in the valid set, as [file, path]: where a graft can go. */
const PLACES: [DataFile, (string | number)[]][] = [];
function collect(file: DataFile, node: unknown, path: (string | number)[]): void {
  if (path.length) PLACES.push([file, path]);
  if (typeof node !== 'object' || node === null) return;
  for (const [key, child] of Object.entries(node)) {
    collect(file, child, [...path, Array.isArray(node) ? Number(key) : key]);
  }
}
for (const file of DATA_FILES) collect(file, VALID[file], []);

const graft = fc.record({
  at: fc.nat({ max: PLACES.length - 1 }),
  // Mostly the kinds of values that sit at the leaves, hostile ones first.
  value: fc.oneof(
    { arbitrary: fc.constantFrom(NaN, Infinity, -1, 1e308, -200, 91, null, ''), weight: 2 },
    { arbitrary: number, weight: 2 },
    { arbitrary: text, weight: 2 },
    { arbitrary: jsonish, weight: 1 },
  ),
});

function graftInto(base: Record<DataFile, unknown>, g: { at: number; value: unknown }): void {
  const [file, path] = PLACES[g.at]!;
  // An earlier graft may have replaced a container on the way: then this one has no place.
  let node = base[file];
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (typeof node === 'object' && node !== null) setAt(node, path.slice(-1), g.value);
}

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
        fc.property(fc.array(graft, { minLength: 1, maxLength: 4 }), (grafts) => {
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
