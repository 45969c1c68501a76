/** js-yaml 4 ships no types of its own; the tests need only `load`, and check its result with zod. */
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
