'use client';

import { Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { updateProductInput } from '@/server/commands/updateProduct.input';
import type { ProductView } from '@/server/queries/getProduct';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { FormButtons } from '@/app/_components/FormActions';
import { useCommandForm } from '@/app/_components/useCommandForm';
import { useFormValues } from '@/app/_components/useFormValues';
import { useTRPC } from '@/app/_trpc/client';
import { ProductFields } from '@/app/(admin)/products/ProductFields';
import { editFormOf, productChanges } from './productEdit';
import type { ProductPage } from './useProductPage';

const FIELDS = ['name', 'description', 'brand', 'categoryId', 'tags', 'status'];

export function EditProductForm({ product, page, onClose }: { product: ProductView; page: ProductPage; onClose: () => void }) {
  const trpc = useTRPC();
  const [form, setFields] = useFormValues(() => editFormOf(product));
  const update = useMutation(trpc.catalog.updateProduct.mutationOptions({ onSuccess: (result) => page.showChange(result.position, onClose) }));
  const { commandId, serverError, fieldError, submit } = useCommandForm(updateProductInput, update);
  const changes = productChanges(product, form);
  const unchanged = Object.keys(changes).length === 0;
  const busy = update.isPending || page.navigating;

  return (
    <form onSubmit={submit(() => ({ id: product.id, expectedVersion: product.version, ...changes, commandId }))} noValidate aria-label="Edit product">
      <Stack>
        <CommandErrorAlert error={serverError} shownFields={FIELDS} onReload={() => page.reload(() => update.reset())} reloading={page.navigating} />
        <ProductFields value={form} onChange={setFields} error={fieldError} brandDescription="Leave empty for no brand" descriptionMaxRows={10} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {unchanged ? 'Change a field to save.' : `Changing: ${Object.keys(changes).join(', ')}`}
          </Text>
          <Group>
            <FormButtons submit="Save changes" busy={busy} onCancel={onClose} disabled={unchanged} />
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
