'use client';

import { Button, Code, Popover, ScrollArea } from '@mantine/core';

export function PayloadDetails({ payload, label }: { payload: unknown; label: string }) {
  return (
    <Popover width={480} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Button variant="subtle" size="compact-xs" aria-label={label}>
          Details
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={360}>
          <Code block>{JSON.stringify(payload, null, 2)}</Code>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
