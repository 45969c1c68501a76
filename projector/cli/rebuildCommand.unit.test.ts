import { describe, expect, it } from 'vitest';
import { parseRebuildArgs, REBUILD_USAGE } from './rebuildCommand';
import { ALL_PROJECTIONS } from '@/db/read/projections';

describe('projector rebuild arguments', () => {
  it('takes one projection and waits by default', () => {
    expect(parseRebuildArgs(['category_tree'])).toEqual({ projection: 'category_tree', wait: true });
    expect(parseRebuildArgs(['--no-wait', 'product_search'])).toEqual({ projection: 'product_search', wait: false });
  });

  it.each([
    [[], 'Name the projection to rebuild.'],
    [['activity', 'sales_daily'], 'Name one projection to rebuild.'],
    [['products'], 'Unknown projection "products".'],
    [['activity', '--force'], 'Unknown option "--force".'],
  ])('refuses %j', (args, error) => {
    expect(parseRebuildArgs(args)).toEqual({ error });
  });

  it('lists every projection in the usage text', () => {
    for (const name of ALL_PROJECTIONS) expect(REBUILD_USAGE).toContain(name);
  });
});
