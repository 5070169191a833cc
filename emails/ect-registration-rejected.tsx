import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { z } from 'zod';
import { defineEmail } from './define-email';

/**
 * Tells a school (its headteachers / business managers and whoever sent the registration) that the Appropriate
 * Body declined its registration of an ECT, and why: nothing was registered or charged, and the school may
 * correct the details and register again. Rendered to HTML and plain text (react-email) when delivered.
 */
const ZProps = z.object({
  workspaceName: z.string(),
  schoolName: z.string(),
  recipientName: z.string(),
  ectName: z.string(),
  trn: z.string(),
  /** "3 September 2025". */
  startsOn: z.string(),
  reason: z.string(),
  url: z.string(),
});
type Props = z.infer<typeof ZProps>;

const headline = (p: Props) => `Registration not accepted: ${p.ectName}`;

function EctRegistrationRejectedEmail(p: Props) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{`${headline(p)} at ${p.schoolName}`}</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {headline(p)}
          </Heading>
          <Text>Dear {p.recipientName},</Text>
          <Text>
            {p.workspaceName} has not accepted {p.schoolName}’s registration of {p.ectName} (TRN {p.trn},
            starting {p.startsOn}) as their Appropriate Body. The reason it gave:
          </Text>
          <Text style={{ borderLeft: '4px solid #b45309', margin: '0 0 16px 0', padding: '4px 12px' }}>
            {p.reason}
          </Text>
          <Text>
            Their induction has not started with {p.workspaceName}: no reviews are scheduled and nothing is
            charged. If the details were wrong, correct them and register the ECT again; if the school should
            register with another Appropriate Body, do so there.
          </Text>
          <Button
            href={p.url}
            style={{
              backgroundColor: '#1d4ed8',
              color: '#ffffff',
              padding: '12px 20px',
              borderRadius: '4px',
            }}
          >
            See the registration
          </Button>
          <Text>If the button does not work, copy this address into your browser: {p.url}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const ectRegistrationRejectedEmail = defineEmail({
  props: ZProps,
  subject: (props) => `${headline(props)} (${props.schoolName})`,
  element: (props) => <EctRegistrationRejectedEmail {...props} />,
});
