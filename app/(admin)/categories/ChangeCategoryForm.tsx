'use client';

import { Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { renameCategoryInput } from '@/server/commands/renameCategory.input';
import type { CategoryView } from '@/server/queries/listCategories';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { FormActions } from '@/app/_components/FormActions';
import { useCommandForm } from '@/app/_components/useCommandForm';
import { useTRPC } from '@/app/_trpc/client';
import { moveTargets, TOP_LEVEL } from './categoryTree';
import type { CategoriesPage } from './useCategoriesPage';

export type CategoryChange = 'rename' | 'move';

/** Rename or move one category (`catalog.renameCategory` does both), at the version on screen. */
export function ChangeCategoryForm(props: { category: CategoryView; change: CategoryChange; page: CategoriesPage; onClose: () => void }) {
  const { category, change, page, onClose } = props;
  const trpc = useTRPC();
  const [name, setName] = useState(category.name);
  const [parent, setParent] = useState<string>(category.parentId ?? TOP_LEVEL);
  const rename = useMutation(trpc.catalog.renameCategory.mutationOptions({ onSuccess: (result) => page.showChange(result.position, onClose) }));
  const { commandId, serverError, fieldError, submit } = useCommandForm(renameCategoryInput, rename);
  const edit = () => (change === 'rename' ? { name } : { parentId: parent === TOP_LEVEL ? null : parent });
  const reload = () => {
    rename.reset();
    page.reload();
  };

  return (
    <form onSubmit={submit(() => ({ id: category.id, expectedVersion: category.version, ...edit(), commandId }))} noValidate aria-label={change === 'rename' ? 'Rename category' : 'Move category'}>
      <Stack>
        <CommandErrorAlert error={serverError} shownFields={['name', 'parentId']} onReload={reload} reloading={page.tree.isFetching} />
        {change === 'rename' ? (
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-autofocus />
        ) : (
          <Select
            label="New parent"
            data={moveTargets(page.tree.data?.items ?? [], category.id)}
            value={parent}
            onChange={(value) => setParent(value ?? TOP_LEVEL)}
            allowDeselect={false}
            searchable
            error={fieldError('parentId')}
            data-autofocus
          />
        )}
        <FormActions submit={change === 'rename' ? 'Save name' : 'Move here'} busy={rename.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
