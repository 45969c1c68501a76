import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface FigureProps {
  label: string;
  value: ReactNode;
  testId?: string;
  /** `xl` (bold) for a key figure, `lg` for a plainer one. */
  size?: 'xl' | 'lg';
  /** A dimmed line under the value, e.g. what it counts. */
  note?: ReactNode;
}

function Caption({ label }: { label: string }) {
  return (
    <Text size="sm" c="dimmed">
      {label}
    </Text>
  );
}

function FigureValue({ value, testId, size = 'xl', note }: Omit<FigureProps, 'label'>) {
  return (
    <>
      <Text size={size} fw={size === 'xl' ? 700 : undefined} data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </>
  );
}

/** A labelled figure: a dimmed caption over the value. */
export function Figure({ label, ...value }: FigureProps) {
  return (
    <div>
      <Caption label={label} />
      <FigureValue {...value} />
    </div>
  );
}

/** A card with a dimmed caption over its content. */
export function LabelledCard({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Caption label={label} />
      {children}
    </Card>
  );
}

/** A labelled figure on a card of its own. */
export function FigureCard({ label, ...value }: FigureProps) {
  return (
    <LabelledCard label={label}>
      <FigureValue {...value} />
    </LabelledCard>
  );
}
