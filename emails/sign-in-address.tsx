import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { defineEmail } from './define-email';

/**
 * A person asked to sign in with a new address: the link that proves it is theirs goes to the new address, and
 * a notice goes to the old one, so a change asked for by someone else is seen by the address's owner.
 */
const ZConfirmProps = z.object({
  recipientName: z.string(),
  newEmail: z.string(),
  url: z.string(),
  /** When the link stops working, as the London clock reads it ("Mon, 7 December 2026 at 14:30"). */
  expiresAt: z.string(),
});

const ZRequestedProps = z.object({
  recipientName: z.string(),
  oldEmail: z.string(),
  newEmail: z.string(),
  expiresAt: z.string(),
});

function Layout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {heading}
          </Heading>
          {children}
        </Container>
      </Body>
    </Html>
  );
}

const greeting = (name: string) => (name ? `Dear ${name},` : 'Hello,');

export const signInAddressConfirmEmail = defineEmail({
  props: ZConfirmProps,
  subject: () => 'Confirm your new sign-in address for Stride',
  element: (p) => (
    <Layout preview="Confirm your new sign-in address for Stride" heading="Confirm your new sign-in address">
      <Text>{greeting(p.recipientName)}</Text>
      <Text>
        You asked to sign in to Stride with {p.newEmail} from now on. Use the button below to confirm it. The
        link works once, until {p.expiresAt}.
      </Text>
      <Button
        href={p.url}
        style={{ backgroundColor: '#1d4ed8', color: '#ffffff', padding: '12px 20px', borderRadius: '4px' }}
      >
        Confirm my new address
      </Button>
      <Text>If the button does not work, copy this address into your browser: {p.url}</Text>
      <Text style={{ color: '#4b5563' }}>
        If you did not ask for this, ignore this email: nothing changes unless the link is used.
      </Text>
    </Layout>
  ),
});

export const signInAddressRequestedEmail = defineEmail({
  props: ZRequestedProps,
  subject: () => 'A change of your Stride sign-in address was asked for',
  element: (p) => (
    <Layout
      preview="A change of your Stride sign-in address was asked for"
      heading="A change of your sign-in address was asked for"
    >
      <Text>{greeting(p.recipientName)}</Text>
      <Text>
        Someone signed in to your Stride account asked to sign in with {p.newEmail} instead of {p.oldEmail}.
        We have sent a link to {p.newEmail}; the change happens only if that link is used, until {p.expiresAt}
        .
      </Text>
      <Text>
        If this was you, there is nothing more to do here. If it was not, sign in to Stride, cancel the change
        on Your account, and tell your workspace’s manager.
      </Text>
    </Layout>
  ),
});
