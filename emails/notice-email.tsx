import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { Fragment } from 'react';
import { z } from 'zod';
import { defineEmail } from './define-email';

/**
 * A short notice in the style of the other templates: a heading, a few paragraphs, at most one button with the
 * address spelled out beneath it. People and workspaces (an invitation, a request to join, its answer) and ECT
 * induction (a not-on-track judgement, changes requested, an overdue review escalated) send these.
 */
const ZProps = z.object({
  subject: z.string(),
  heading: z.string(),
  /** Empty when we do not know their name yet (an invitation to an address): the email says "Hello,". */
  recipientName: z.string(),
  /** Each a paragraph; a line break inside one starts a new line (HTML and plain text). */
  paragraphs: z.array(z.string()),
  /** A list after the paragraphs (what a school still has to submit, say), one line each. */
  items: z.array(z.string()).optional(),
  action: z.object({ label: z.string(), url: z.string() }).optional(),
  footnote: z.string().optional(),
});
export type NoticeEmailProps = z.infer<typeof ZProps>;
type Props = NoticeEmailProps;

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
          <Text>{p.recipientName ? `Dear ${p.recipientName},` : 'Hello,'}</Text>
          {p.paragraphs.map((text) => (
            <Text key={text}>
              {/* A paragraph's own lines (bank details: name, sort code, account) each on a line of their own. */}
              {text.split('\n').map((line, i) => (
                <Fragment key={i}>
                  {i > 0 && <br />}
                  {line}
                </Fragment>
              ))}
            </Text>
          ))}
          {p.items && p.items.length > 0 && (
            <ul>
              {p.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
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

export const noticeEmail = defineEmail({
  props: ZProps,
  subject: (props) => props.subject,
  element: (props) => <NoticeEmail {...props} />,
});
