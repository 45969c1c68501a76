'use client';

import { Button, Group, Modal } from '@mantine/core';
import { useState } from 'react';
import type { ProductView } from '@/server/queries/getProduct';
import { useCurrentUser } from '@/app/(admin)/UserContext';
import { AdjustStockForm } from './AdjustStockForm';
import { ChangePriceForm } from './ChangePriceForm';
import { EditProductForm } from './EditProductForm';
import { StatusChangeForm } from './StatusChangeForm';
import { useProductPage } from './useProductPage';

type Action = 'edit' | 'price' | 'stock' | 'status';

/** The admin's commands on one product, each in a dialog; a viewer gets none of them. */
export function ProductActions({ product }: { product: ProductView }) {
  const user = useCurrentUser();
  const page = useProductPage(product.id);
  const [action, setAction] = useState<Action>('edit');
  const [opened, setOpened] = useState(false);
  if (user.role !== 'admin') return null;

  const archived = product.status === 'archived';
  const open = (next: Action) => {
    setAction(next);
    setOpened(true);
  };
  const close = () => setOpened(false);
  const formProps = { product, page, onClose: close };
  const titles: Record<Action, string> = {
    edit: 'Edit product',
    price: 'Change price',
    stock: 'Adjust stock',
    status: archived ? 'Restore product' : 'Archive product',
  };

  return (
    <>
      <Group gap="xs" aria-label="Product actions" role="group">
        {!archived && (
          <>
            <Button variant="light" onClick={() => open('edit')}>
              Edit
            </Button>
            <Button variant="light" onClick={() => open('price')}>
              Change price
            </Button>
          </>
        )}
        <Button variant="light" onClick={() => open('stock')}>
          Adjust stock
        </Button>
        <Button variant="light" color={archived ? undefined : 'red'} onClick={() => open('status')}>
          {archived ? 'Restore' : 'Archive'}
        </Button>
      </Group>
      {/* The dialog mounts its form afresh each time it opens: a new commandId per filled-in form. */}
      <Modal opened={opened} onClose={close} title={titles[action]} size={action === 'edit' ? 'lg' : 'md'}>
        {action === 'edit' && <EditProductForm {...formProps} />}
        {action === 'price' && <ChangePriceForm {...formProps} />}
        {action === 'stock' && <AdjustStockForm {...formProps} />}
        {action === 'status' && <StatusChangeForm {...formProps} />}
      </Modal>
    </>
  );
}
