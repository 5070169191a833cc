import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { render } from '@react-email/render';

/**
 * ECT induction notices (a not-on-track judgement for the AB, changes requested for the school, an overdue
 * review escalated to the tutor, the head or the AB): a heading, a few paragraphs, one button.
 */
type Props = {
  subject: string;
  heading: string;
  recipientName: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footnote?: string;
};

function InductionNoticeEmail(p: Props) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{p.subject}</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {p.heading}
          </Heading>
          <Text>Dear {p.recipientName},</Text>
          {p.paragraphs.map((text) => (
            <Text key={text}>{text}</Text>
          ))}
          <Button
            href={p.action.url}
            style={{
              backgroundColor: '#1d4ed8',
              color: '#ffffff',
              padding: '12px 20px',
              borderRadius: '4px',
            }}
          >
            {p.action.label}
          </Button>
          <Text>If the button does not work, copy this address into your browser: {p.action.url}</Text>
          {p.footnote && <Text style={{ color: '#4b5563' }}>{p.footnote}</Text>}
        </Container>
      </Body>
    </Html>
  );
}

export async function renderInductionNoticeEmail(props: Props) {
  const element = <InductionNoticeEmail {...props} />;
  return {
    subject: props.subject,
    html: await render(element),
    text: await render(element, { plainText: true }),
  };
}
