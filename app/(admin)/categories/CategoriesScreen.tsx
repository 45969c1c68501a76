'use client';

import { Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CategoryView } from '@/server/queries/listCategories';
import { ListQueryStatus } from '@/app/_components/ListQueryStatus';
import { NotFreshAlert } from '@/app/_components/NotFreshAlert';
import { useCurrentUser } from '@/app/(admin)/UserContext';
import { ChangeCategoryForm, type CategoryChange } from './ChangeCategoryForm';
import { CreateCategoryForm } from './CreateCategoryForm';
import { useCategoriesPage } from './useCategoriesPage';

function CategoryRows({ items, admin, onChange }: { items: CategoryView[]; admin: boolean; onChange: (id: string, change: CategoryChange) => void }) {
  return (
    <Table.Tbody>
      {items.map((c) => (
        <Table.Tr key={c.id} data-testid="category-row">
          <Table.Td>
            <Text pl={c.depth * 24} fw={c.depth === 0 ? 600 : undefined}>
              {c.depth > 0 && <span aria-hidden>└ </span>}
              {c.name}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" c="dimmed">
              {c.path.join(' › ')}
            </Text>
          </Table.Td>
          <Table.Td ta="right">{c.productCount}</Table.Td>
          {admin && (
            <Table.Td>
              <Group gap={4} justify="end" wrap="nowrap">
                <Button size="compact-sm" variant="subtle" onClick={() => onChange(c.id, 'rename')} aria-label={`Rename ${c.path.join(' › ')}`}>
                  Rename
                </Button>
                <Button size="compact-sm" variant="subtle" onClick={() => onChange(c.id, 'move')} aria-label={`Move ${c.path.join(' › ')}`}>
                  Move
                </Button>
              </Group>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}

/** The category tree with product counts (sub-categories included); admins create, rename and move. */
export function CategoriesScreen() {
  const admin = useCurrentUser().role === 'admin';
  const page = useCategoriesPage();
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<{ id: string; change: CategoryChange } | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const { tree } = page;
  const items = tree.data?.items ?? [];
  // Looked up in the current tree, so a reload after a conflict brings the new version into the form.
  const category = editing ? items.find((c) => c.id === editing.id) : undefined;

  return (
    <Stack>
      <Title order={2}>Categories</Title>
      <NotFreshAlert fresh={tree.data?.fresh} />
      {admin && <CreateCategoryForm key={formKey} page={page} onCreated={() => setFormKey((k) => k + 1)} />}
      <ListQueryStatus query={tree} what="Categories" placeholderRows={6} emptyTitle="No categories yet" canCreate={admin} />
      {items.length > 0 && (
        <Table highlightOnHover aria-label="Category tree" style={{ opacity: tree.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Path</Table.Th>
              <Table.Th ta="right">Products</Table.Th>
              {admin && (
                <Table.Th ta="right">
                  <span>Actions</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <CategoryRows
            items={items}
            admin={admin}
            onChange={(id, change) => {
              setEditing({ id, change });
              setDialogOpen(true);
            }}
          />
        </Table>
      )}
      <Modal
        opened={dialogOpen && Boolean(category)}
        onClose={() => setDialogOpen(false)}
        title={category && editing ? `${editing.change === 'rename' ? 'Rename' : 'Move'} ${category.path.join(' › ')}` : ''}
      >
        {category && editing && <ChangeCategoryForm category={category} change={editing.change} page={page} onClose={() => setDialogOpen(false)} />}
      </Modal>
    </Stack>
  );
}
