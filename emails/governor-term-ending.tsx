import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { z } from 'zod';
import { defineEmail } from './define-email';

const ZProps = z.object({
  workspaceName: z.string(),
  /** The school's name, or null for the workspace's digest across schools. */
  schoolName: z.string().nullable(),
  governors: z.array(
    z.object({ name: z.string(), role: z.string(), schoolName: z.string(), termEndsOn: z.string() }),
  ),
  url: z.string(),
});
type Props = z.infer<typeof ZProps>;

function GovernorTermEndingEmail(p: Props) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>Governors’ terms of office ending in the next 60 days</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            Terms of office ending soon
          </Heading>
          <Text>
            {p.schoolName
              ? `These governors of ${p.schoolName} reach the end of their term of office within 60 days:`
              : `These governors reach the end of their term of office within 60 days:`}
          </Text>
          {p.governors.map((g, i) => (
            <Text key={i} style={{ margin: '0 0 4px 16px' }}>
              • {g.name}, {g.role}
              {p.schoolName ? '' : `, ${g.schoolName}`}: term ends {g.termEndsOn}
            </Text>
          ))}
          <Text>
            Reappoint or re-elect them, or plan the election or appointment of a successor, and update the
            register.
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
            Open the governor register
          </Button>
          <Text>If the button does not work, copy this address into your browser: {p.url}</Text>
          <Text style={{ color: '#4b5563' }}>
            {p.workspaceName} sends this once for each term of office, 60 days before it ends.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const governorTermEndingEmail = defineEmail({
  props: ZProps,
  subject: (props) => {
    const n = props.governors.length;
    return `${n} governor${n === 1 ? '’s term' : 's’ terms'} of office ending soon${props.schoolName ? ` — ${props.schoolName}` : ''}`;
  },
  element: (props) => <GovernorTermEndingEmail {...props} />,
});
