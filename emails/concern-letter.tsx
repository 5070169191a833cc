import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { z } from 'zod';
import { defineEmail } from './define-email';

const ZProps = z.object({
  recipientName: z.string(),
  schoolName: z.string(),
  issuerName: z.string(),
  subject: z.string(),
  summary: z.string(),
  url: z.string(),
});
type Props = z.infer<typeof ZProps>;

/** Tells the headteacher or chair that the LA has written to them, with a link to the letter. */
function ConcernLetterEmail(p: Props) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{p.subject}</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {p.subject}
          </Heading>
          <Text>Dear {p.recipientName},</Text>
          <Text>{p.summary}</Text>
          <Button
            href={p.url}
            style={{
              backgroundColor: '#1d4ed8',
              color: '#ffffff',
              padding: '12px 20px',
              borderRadius: '4px',
            }}
          >
            Read the letter (PDF)
          </Button>
          <Text>If the button does not work, copy this address into your browser: {p.url}</Text>
          <Text style={{ color: '#4b5563' }}>
            {p.issuerName} — you will need to sign in to Stride with this email address to open the letter.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const concernLetterEmail = defineEmail({
  props: ZProps,
  subject: (props) => props.subject,
  element: (props) => <ConcernLetterEmail {...props} />,
});
