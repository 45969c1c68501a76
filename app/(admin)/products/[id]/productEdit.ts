import type { UpdateProductInput } from '@/server/commands/updateProduct.input';
import { isEditableStatus } from '@/server/domain/catalog';
import type { ProductFieldValues } from '@/app/(admin)/products/ProductFields';

export interface EditableProduct {
  name: string;
  description: string;
  brand: string | null;
  categoryId: string | null;
  tags: string[];
  status: string;
}

type Changes = Omit<UpdateProductInput, 'id' | 'expectedVersion' | 'commandId'>;

export function editFormOf(product: EditableProduct): ProductFieldValues {
  return {
    name: product.name,
    description: product.description,
    brand: product.brand ?? '',
    categoryId: product.categoryId,
    tags: product.tags,
    status: isEditableStatus(product.status) ? product.status : 'active',
  };
}

const normalTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim().toLowerCase()))].sort();
const sameTags = (a: string[], b: string[]) => normalTags(a).join('\n') === normalTags(b).join('\n');

/** Only the fields the form changed (the command's event then lists exactly those); an empty brand clears it. */
export function productChanges(product: EditableProduct, form: ProductFieldValues): Changes {
  const brand = form.brand.trim() || null;
  return {
    ...(form.name !== product.name && { name: form.name }),
    ...(form.description !== product.description && { description: form.description }),
    ...(brand !== product.brand && { brand }),
    ...(form.categoryId !== product.categoryId && { categoryId: form.categoryId }),
    ...(!sameTags(form.tags, product.tags) && { tags: form.tags }),
    ...(form.status !== product.status && { status: form.status }),
  };
}
