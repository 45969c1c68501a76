'use client';

import { Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { createCategoryInput } from '@/server/commands/createCategory.input';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { FormActions } from '@/app/_components/FormActions';
import { useCommandForm } from '@/app/_components/useCommandForm';
import { useTRPC } from '@/app/_trpc/client';
import type { CategoriesPage } from './useCategoriesPage';

/** One form, one commandId: the page mounts a fresh form after each category it creates. */
export function CreateCategoryForm({ page, onCreated }: { page: CategoriesPage; onCreated: () => void }) {
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const create = useMutation(trpc.catalog.createCategory.mutationOptions({ onSuccess: (result) => page.showChange(result.position, onCreated) }));
  const { commandId, serverError, fieldError, submit } = useCommandForm(createCategoryInput, create);

  const options = (page.tree.data?.items ?? []).map((c) => ({ value: c.id, label: c.path.join(' › ') }));
  return (
    <Paper component="form" withBorder p="md" onSubmit={submit(() => ({ name, parentId: parentId ?? undefined, commandId }))} noValidate aria-label="New category">
      <Stack>
        <Title order={3} size="h5">
          New category
        </Title>
        <CommandErrorAlert error={serverError} shownFields={['name', 'parentId']} onReload={page.reload} />
        <Group align="start" grow>
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
          <Select
            label="Parent"
            placeholder="None (top level)"
            data={options}
            value={parentId}
            onChange={setParentId}
            searchable
            clearable
            nothingFoundMessage="No category matches"
            error={fieldError('parentId')}
          />
        </Group>
        <FormActions submit="Create category" busy={create.isPending} />
      </Stack>
    </Paper>
  );
}
