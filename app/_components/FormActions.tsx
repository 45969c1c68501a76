import { Button, Group } from '@mantine/core';

interface FormButtonsProps {
  /** The submit button's label. */
  submit: string;
  /** While the command runs (or its result is on the way): the submit button spins, Cancel is off. */
  busy: boolean;
  /** Shows a Cancel button. */
  onCancel?: () => void;
  disabled?: boolean;
}

/** A form's Cancel (when it can be cancelled) and submit buttons. */
export function FormButtons({ submit, busy, onCancel, disabled }: FormButtonsProps) {
  return (
    <>
      {onCancel && (
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      )}
      <Button type="submit" loading={busy} disabled={disabled}>
        {submit}
      </Button>
    </>
  );
}

/** The same buttons at the end of the form. */
export function FormActions(props: FormButtonsProps) {
  return (
    <Group justify="end">
      <FormButtons {...props} />
    </Group>
  );
}
