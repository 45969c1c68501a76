import { describe, expect, it } from 'vitest';
import { ALL_PROJECTIONS } from '@/db/read/projections';
import { requestRebuildInput } from './requestRebuild.input';

describe('request rebuild input', () => {
  it.each(ALL_PROJECTIONS)('accepts %s', (projection) => {
    expect(requestRebuildInput.parse({ projection })).toEqual({ projection });
  });

  it.each(['products', 'PRODUCT_SUMMARIES', 'dead_letters', '', 'product_summaries; drop table x'])('refuses "%s", listing the names', (projection) => {
    const result = requestRebuildInput.safeParse({ projection });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['projection']);
    expect(result.error?.issues[0]?.message).toBe(`projection must be one of ${ALL_PROJECTIONS.join(', ')}`);
  });
});
