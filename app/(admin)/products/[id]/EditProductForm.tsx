'use client';

import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { updateProductInput } from '@/server/commands/updateProduct.input';
import type { ProductView } from '@/server/queries/getProduct';
import { checkInput, messagesFor, type FieldErrors } from '@/app/_components/checkInput';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { describeError } from '@/app/_components/trpcErrors';
import { useFormValues } from '@/app/_components/useFormValues';
import { useTRPC } from '@/app/_trpc/client';
import { ProductFields } from '@/app/(admin)/products/ProductFields';
import { editFormOf, productChanges } from './productEdit';
import type { ProductPage } from './useProductPage';

const FIELDS = ['name', 'description', 'brand', 'categoryId', 'tags', 'status'];

export function EditProductForm({ product, page, onClose }: { product: ProductView; page: ProductPage; onClose: () => void }) {
  const trpc = useTRPC();
  const [commandId] = useState(() => crypto.randomUUID());
  const [form, setFields] = useFormValues(() => editFormOf(product));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const update = useMutation(trpc.catalog.updateProduct.mutationOptions({ onSuccess: (result) => page.showChange(result.position, onClose) }));
  const serverError = update.error ? describeError(update.error) : undefined;
  const fieldError = (name: string) => messagesFor(name, clientErrors, serverError?.fields);
  const changes = productChanges(product, form);
  const unchanged = Object.keys(changes).length === 0;
  const busy = update.isPending || page.navigating;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkInput(updateProductInput, { id: product.id, expectedVersion: product.version, ...changes, commandId });
    setClientErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) update.mutate(checked.value);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit product">
      <Stack>
        <CommandErrorAlert error={serverError} shownFields={FIELDS} onReload={() => page.reload(() => update.reset())} reloading={page.navigating} />
        <ProductFields value={form} onChange={setFields} error={fieldError} brandDescription="Leave empty for no brand" descriptionMaxRows={10} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {unchanged ? 'Change a field to save.' : `Changing: ${Object.keys(changes).join(', ')}`}
          </Text>
          <Group>
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={unchanged}>
              Save changes
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
