'use client';

import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core';
import Link from 'next/link';
import type { ReactNode } from 'react';

// Server components cannot hand `component={Link}` to Mantine (a function is not serializable):
// these client wrappers do it for them.

export function AnchorLink({ href, children, ...props }: AnchorProps & { href: string; children: ReactNode; 'data-testid'?: string }) {
  return (
    <Anchor component={Link} href={href} {...props}>
      {children}
    </Anchor>
  );
}

export function ButtonLink({ href, children, ...props }: ButtonProps & { href: string; children: ReactNode }) {
  return (
    <Button component={Link} href={href} {...props}>
      {children}
    </Button>
  );
}
