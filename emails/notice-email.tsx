import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { render } from '@react-email/render';

/**
 * A short notice in the style of the other templates: a heading, a few paragraphs, at most one button with the
 * address spelled out beneath it. People and workspaces (an invitation, a request to join, its answer) and ECT
 * induction (a not-on-track judgement, changes requested, an overdue review escalated) send these.
 */
type Props = {
  subject: string;
  heading: string;
  recipientName: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footnote?: string;
};

function NoticeEmail(p: Props) {
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
          {p.action && (
            <>
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
            </>
          )}
          {p.footnote && <Text style={{ color: '#4b5563' }}>{p.footnote}</Text>}
        </Container>
      </Body>
    </Html>
  );
}

export async function renderNoticeEmail(props: Props) {
  const element = <NoticeEmail {...props} />;
  return {
    subject: props.subject,
    html: await render(element),
    text: await render(element, { plainText: true }),
  };
}
