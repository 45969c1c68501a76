'use client';

import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import Link from 'next/link';
import type { ProductHit } from '@/server/queries/searchProducts';
import { Highlighted } from '@/app/_components/Highlight';
import { formatMoney } from '@/app/_components/money';

const STATUS_COLORS: Record<string, string> = { active: 'green', draft: 'yellow', archived: 'gray' };

export function SearchHit({ hit }: { hit: ProductHit }) {
  return (
    <Card withBorder padding="sm" data-testid="search-hit" component="li">
      <Group justify="space-between" wrap="nowrap" align="start">
        <Stack gap={2}>
          <Anchor component={Link} href={`/products/${hit.id}`} fw={600}>
            <Highlighted segments={hit.highlights.name} />
          </Anchor>
          <Text size="xs" c="dimmed">
            <Highlighted segments={hit.highlights.sku} /> · {hit.brand ?? 'no brand'} · {hit.categoryPath.join(' › ') || 'uncategorized'}
          </Text>
          {hit.highlights.description.length > 0 && (
            <Text size="sm" lineClamp={2}>
              <Highlighted segments={hit.highlights.description} />
            </Text>
          )}
          {hit.tags.length > 0 && (
            <Group gap={4} mt={2}>
              {hit.tags.map((tag) => (
                <Badge key={tag} size="xs" variant="outline">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        <Stack gap={4} align="end" miw={130}>
          <Text fw={600}>{formatMoney(hit.priceCents, hit.currency)}</Text>
          <Badge variant="light" color={STATUS_COLORS[hit.status] ?? 'gray'}>
            {hit.status}
          </Badge>
          <Text size="xs" c={hit.stockTotal > 0 ? undefined : 'red'}>
            {hit.stockTotal > 0 ? `${hit.stockTotal} in stock` : 'Out of stock'}
          </Text>
          <Text size="xs" c="dimmed">
            {hit.unitsSold} sold
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
