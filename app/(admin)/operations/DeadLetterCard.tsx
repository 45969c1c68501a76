'use client';

import { Anchor, Badge, Button, Code, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import Link from 'next/link';
import { useId, useState } from 'react';
import type { DeadLetterView } from '@/server/queries/systemDeadLetters';
import { formatInstant } from '@/app/_components/figures';
import { useCurrentUser } from '@/app/(admin)/UserContext';
import { deadLetterKeyHref } from './deadLetterLinks';

interface Props {
  letter: DeadLetterView;
  onRetry: (letter: DeadLetterView) => void;
  retrying: boolean;
  retryDisabled: boolean;
}

export function DeadLetterCard({ letter, onRetry, retrying, retryDisabled }: Props) {
  const isAdmin = useCurrentUser().role === 'admin';
  const [showPayload, setShowPayload] = useState(false);
  const payloadId = useId();
  const href = deadLetterKeyHref(letter.projection, letter.key);
  return (
    <Paper withBorder p="sm" data-testid="dead-letter" data-letter-id={letter.id} aria-label={`Dead letter ${letter.id}`} component="article">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Badge variant="light" color={letter.status === 'pending' ? 'orange' : 'green'}>
              {letter.status}
            </Badge>
            <Text size="sm" ff="monospace">
              {letter.projection}
            </Text>
            {href ? (
              <Anchor component={Link} href={href} size="sm" ff="monospace">
                {letter.key}
              </Anchor>
            ) : (
              <Text size="sm" ff="monospace">
                {letter.key}
              </Text>
            )}
          </Group>
          {isAdmin && letter.status === 'pending' && (
            <Button size="xs" onClick={() => onRetry(letter)} loading={retrying} disabled={retryDisabled && !retrying}>
              Retry
            </Button>
          )}
        </Group>
        <Text size="sm" c="red" ff="monospace" style={{ wordBreak: 'break-word' }}>
          {letter.error}
          {letter.errorCode && ` (SQLSTATE ${letter.errorCode})`}
        </Text>
        <Text size="xs" c="dimmed">
          #{letter.id} · at {letter.lsn} · {letter.attempts} {letter.attempts === 1 ? 'attempt' : 'attempts'} · parked {formatInstant(letter.createdAt)} · last
          tried {formatInstant(letter.lastAttemptAt)}
          {letter.resolvedAt && ` · resolved ${formatInstant(letter.resolvedAt)}${letter.resolution ? ` (${letter.resolution})` : ''}`}
        </Text>
        <div>
          <Button variant="subtle" size="compact-xs" onClick={() => setShowPayload((v) => !v)} aria-expanded={showPayload} aria-controls={payloadId}>
            {showPayload ? 'Hide payload' : 'Show payload'}
          </Button>
          <Collapse expanded={showPayload} id={payloadId}>
            <Code block mt={4} style={{ maxHeight: 320, overflow: 'auto' }}>
              {JSON.stringify(letter.payload, null, 2)}
            </Code>
          </Collapse>
        </div>
      </Stack>
    </Paper>
  );
}
