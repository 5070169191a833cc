import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { z } from 'zod';
import { defineEmail } from './define-email';

const ZItem = z.object({ schoolName: z.string(), date: z.string() });
const ZProps = z.object({
  recipientName: z.string(),
  workspaceName: z.string(),
  overdueVisits: z.array(ZItem),
  notesToFinish: z.array(ZItem.extend({ status: z.string() })),
  url: z.string(),
});
type Props = z.infer<typeof ZProps>;

function AdviserRemindersEmail(p: Props) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>Your overdue visits and notes of visit to finish</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            Visits and notes of visit to catch up on
          </Heading>
          <Text>Dear {p.recipientName},</Text>
          {p.overdueVisits.length > 0 ? (
            <>
              <Text>
                These statutory visits for {p.workspaceName} are past their due date and not yet recorded as
                done:
              </Text>
              {p.overdueVisits.map((v, i) => (
                <Text key={i} style={{ margin: '0 0 4px 16px' }}>
                  • {v.schoolName}, due by {v.date}
                </Text>
              ))}
            </>
          ) : null}
          {p.notesToFinish.length > 0 ? (
            <>
              <Text>These notes of visit have not been sent to the headteacher yet:</Text>
              {p.notesToFinish.map((n, i) => (
                <Text key={i} style={{ margin: '0 0 4px 16px' }}>
                  • {n.schoolName}, visited {n.date} ({n.status})
                </Text>
              ))}
            </>
          ) : null}
          <Button
            href={p.url}
            style={{
              backgroundColor: '#1d4ed8',
              color: '#ffffff',
              padding: '12px 20px',
              borderRadius: '4px',
            }}
          >
            Open your visits
          </Button>
          <Text>If the button does not work, copy this address into your browser: {p.url}</Text>
          <Text style={{ color: '#4b5563' }}>
            You get this reminder once a week while anything is outstanding.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const adviserRemindersEmail = defineEmail({
  props: ZProps,
  subject: (props) => {
    const count = props.overdueVisits.length + props.notesToFinish.length;
    return `${count} ${count === 1 ? 'visit or note' : 'visits and notes'} to catch up on — ${props.workspaceName}`;
  },
  element: (props) => <AdviserRemindersEmail {...props} />,
});
