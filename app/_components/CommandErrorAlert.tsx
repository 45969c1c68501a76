'use client';

import { Alert, Button, Group, Text } from '@mantine/core';
import { isStaleVersion, type DescribedError } from './trpcErrors';

/**
 * What went wrong with a command, unless the fields next to the inputs already say it. A
 * stale version is explained as someone else's change, with a way to load it.
 */
export function CommandErrorAlert(props: {
  error: DescribedError | undefined;
  /** Fields whose messages the form shows next to its inputs. */
  shownFields: string[];
  onReload: () => void;
  reloading?: boolean;
}) {
  const { error, shownFields, onReload, reloading } = props;
  if (!error) return null;
  if (isStaleVersion(error)) {
    return (
      <Alert color="orange" role="alert" title="Changed by someone else">
        <Text size="sm">
          Someone else changed this since you opened it (it is now at version {error.currentVersion}). Nothing was saved. Reload to see their
          change, then try again.
        </Text>
        <Group mt="sm">
          <Button size="xs" variant="light" color="orange" onClick={onReload} loading={reloading}>
            Reload
          </Button>
        </Group>
      </Alert>
    );
  }
  const fields = Object.keys(error.fields);
  if (fields.length > 0 && fields.every((field) => shownFields.includes(field))) return null;
  return (
    <Alert color="red" role="alert">
      {error.message}
    </Alert>
  );
}
