'use client';

import { Alert, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import type { FormEvent } from 'react';
import { useTRPC } from '@/app/_trpc/client';
import { FormButtons } from '@/app/_components/FormActions';
import { describeError } from '@/app/_components/trpcErrors';
import { textFields } from '@/app/_components/textFields';
import { useFormValues } from '@/app/_components/useFormValues';

export function LoginForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const next = useSearchParams().get('next');
  const [form, setForm] = useFormValues({ email: '', password: '' });
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: () => {
        router.replace(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
        router.refresh();
      },
    }),
  );
  const error = login.error ? describeError(login.error) : undefined;
  const field = textFields(form, setForm, (name) => error?.fields[name]?.join(', '));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(form);
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" w={380} aria-labelledby="login-title">
        <Stack>
          <Title order={2} id="login-title">
            Storefront back office
          </Title>
          {error && !Object.keys(error.fields).length && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required {...field('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...field('password')} />
          <FormButtons submit="Log in" busy={login.isPending} />
        </Stack>
      </Paper>
    </Center>
  );
}
