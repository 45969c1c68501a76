import fc from 'fast-check';

/** Numbers at the edges of what JSON, JavaScript, Postgres integers and money columns hold. */
export const EXTREME_NUMBERS = [
  -0, -1, 0.5, 1e-320, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308,
  Number.MAX_VALUE, Number.MIN_VALUE, 8.64e15, 1e21,
];

/** Text that broke or could break something: NUL, lone surrogates, overlong and sneaky strings. */
export const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFF', '\uDBFF\uDBFF', '\u202Egnp.exe', '\uFEFF', '\r\n\t',
  "' OR 1=1 --", '"; drop table products; --', '%', '%00', '%E0%A4%A', '../../etc/passwd', '<script>alert(1)</script>',
  '{"$gt":""}', '${7*7}', '0/0', 'FFFFFFFF/FFFFFFFF', '-1', 'NaN', 'Infinity', '0000-01-01', '+275760-09-13T00:00:00Z',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'é'.repeat(201), '💡'.repeat(201),
  ' '.repeat(300), 'x'.repeat(2_000), 'y'.repeat(20_001), 'z'.repeat(300_000),
];

/** Values superjson can carry that plain JSON cannot: the server deserializes them before any schema. */
const SUPERJSON_SPECIALS: unknown[] = [
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined, new Date(Number.NaN), new Date(8.64e15),
  new Date(-8.64e15), 2n ** 64n, -1n, new Set([1, 2]), new Map([['a', 1]]), /x+/g, new Error('boom'),
];

const deep = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...EXTREME_NUMBERS),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...SUPERJSON_SPECIALS),
  fc.constantFrom<unknown>(null, true, false, 0, [], {}, [null], { length: 1e9 }, JSON.parse('{"__proto__":{"polluted":true}}')),
  fc.constantFrom(() => new Array(10_000).fill(1), () => new Array(5_000).fill('x'.repeat(20)), () => deep(64)).map((make) => make()),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withNullPrototype: true, withSparseArray: true }),
);

/** Raw request texts: broken JSON, hostile superjson metadata, nesting deeper than any stack (as text: a value that deep would overflow the tester's own serializers). */
export const HOSTILE_TEXTS = [
  '', 'null', '[]', '{', '{"json":', '"x"', '\u0000', '{"json":{"x":"\\u0000"}}', '{"json":{"id":1e999}}',
  '{"json":{},"meta":{"values":{"a":["bigint"]}}}',
  '{"json":{"a":"1"},"meta":{"values":{"a":[["custom","nope"]]}}}',
  '{"json":{},"meta":{"values":{"__proto__":["undefined"]}}}',
  '{"json":{"constructor":{"prototype":{"polluted":true}}}}',
  '{"json":"2020-01-01","meta":{"values":["Date"]}}',
  '{"json":{"a":[1]},"meta":{"values":{"a":["set"]},"referentialEqualities":{"a":["a.0"]}}}',
  `{"json":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
  `{"json":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
];

/** A valid value with one hostile change: a key replaced, removed, added, or the whole value swapped. */
export function hostileFrom(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: hostileLeaf },
    { weight: 4, arbitrary: fc.tuple(valid, fc.nat(), hostileLeaf).map(([value, at, leaf]) => replaceOne(value, at, leaf)) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.nat()).map(([value, at]) => removeOne(value, at)) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom('extra', '__proto__', 'constructor', 'id', ''), hostileLeaf).map(([value, key, leaf]) =>
        isRecord(value) ? { ...value, [key]: leaf } : value,
      ),
    },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Replace the `at`-th key (or element), one level down when that is an object too. */
function replaceOne(value: unknown, at: number, leaf: unknown): unknown {
  if (Array.isArray(value) && value.length > 0) {
    const copy = [...value];
    copy[at % copy.length] = leaf;
    return copy;
  }
  if (!isRecord(value)) return leaf;
  const keys = Object.keys(value);
  if (keys.length === 0) return { value: leaf };
  const key = keys[at % keys.length]!;
  const inner = value[key];
  const nested = (isRecord(inner) || Array.isArray(inner)) && at % 2 === 1;
  return { ...value, [key]: nested ? replaceOne(inner, Math.floor(at / 2), leaf) : leaf };
}

function removeOne(value: unknown, at: number): unknown {
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 0) return value;
  const copy = { ...value };
  delete copy[keys[at % keys.length]!];
  return copy;
}
