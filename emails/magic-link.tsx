import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { z } from 'zod';
import { defineEmail } from './define-email';

const ZProps = z.object({ url: z.string(), host: z.string() });
type Props = z.infer<typeof ZProps>;

function MagicLinkEmail({ url, host }: Props) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>Your sign-in link for Stride</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '520px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            Sign in to Stride
          </Heading>
          <Text>Use the button below to sign in to {host}. The link works once and expires in 24 hours.</Text>
          <Button
            href={url}
            style={{
              backgroundColor: '#1d4ed8',
              color: '#ffffff',
              padding: '12px 20px',
              borderRadius: '4px',
            }}
          >
            Sign in
          </Button>
          <Text>If the button does not work, copy this address into your browser: {url}</Text>
          <Text style={{ color: '#4b5563' }}>If you did not ask to sign in, you can ignore this email.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const magicLinkEmail = defineEmail({
  props: ZProps,
  subject: () => 'Your sign-in link for Stride',
  element: (props) => <MagicLinkEmail {...props} />,
});
