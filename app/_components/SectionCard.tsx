import { Card, Group, Title, type GroupProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A card section of a page, named by its title (`titleId`). Given `titleAside` (even when it
 * renders nothing, e.g. a loader shown at times), the title is grouped with it; `aside` sits at
 * the right of the header (controls, links).
 */
export function SectionCard(props: {
  titleId: string;
  title: ReactNode;
  titleAside?: ReactNode;
  aside?: ReactNode;
  align?: GroupProps['align'];
  children: ReactNode;
}) {
  const { titleId, title, titleAside, aside, align, children } = props;
  const heading = (
    <Title order={3} size="h4" id={titleId}>
      {title}
    </Title>
  );
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm" align={align}>
        {titleAside !== undefined ? (
          <Group gap="xs">
            {heading}
            {titleAside}
          </Group>
        ) : (
          heading
        )}
        {aside}
      </Group>
      {children}
    </Card>
  );
}
