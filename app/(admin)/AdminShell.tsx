'use client';

import { AppShell, Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import type { SessionUser } from '@/server/auth/sessions';
import { useTRPC } from '@/app/_trpc/client';
import { UserProvider } from './UserContext';

const NAV = [
  { href: '/', label: 'Dashboard', adminOnly: false },
  { href: '/products', label: 'Catalog search', adminOnly: false },
  { href: '/products/new', label: 'New product', adminOnly: true },
  { href: '/categories', label: 'Categories', adminOnly: false },
  { href: '/warehouses', label: 'Warehouses', adminOnly: false },
  { href: '/orders', label: 'Orders', adminOnly: false },
  { href: '/orders/new', label: 'New order', adminOnly: true },
  { href: '/customers', label: 'Customers', adminOnly: false },
  { href: '/activity', label: 'Activity', adminOnly: false },
  { href: '/operations', label: 'Operations', adminOnly: false },
];

export function AdminShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const toLogin = () => {
    router.replace('/login');
    router.refresh();
  };
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: toLogin }));
  const logoutEverywhere = useMutation(trpc.auth.logoutEverywhere.mutationOptions({ onSuccess: toLogin }));
  return (
    <UserProvider user={user}>
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Title order={4}>Storefront back office</Title>
            <Group gap="sm">
              <Text size="sm">{user.name}</Text>
              <Badge variant="light">{user.role}</Badge>
              <Button variant="subtle" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
                Log out
              </Button>
              <Button
                variant="subtle"
                size="xs"
                color="red"
                title="Log out on every device, this one included"
                onClick={() => logoutEverywhere.mutate()}
                loading={logoutEverywhere.isPending}
              >
                End all sessions
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Main">
          {NAV.filter((item) => !item.adminOnly || user.role === 'admin').map((item) => (
            <NavLink key={item.href} component={Link} href={item.href} label={item.label} active={pathname === item.href} />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>{children}</AppShell.Main>
      </AppShell>
    </UserProvider>
  );
}
