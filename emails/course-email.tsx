import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { z } from 'zod';
import { defineEmail } from './define-email';

const ZCourseEmailProps = z.object({
  subject: z.string(),
  heading: z.string(),
  greetingName: z.string(),
  paragraphs: z.array(z.string()),
  /** Dates and times of the sessions, one line each. */
  sessionLines: z.array(z.string()),
  action: z.object({ label: z.string(), url: z.string() }).optional(),
  providerName: z.string(),
});
export type CourseEmailProps = z.infer<typeof ZCourseEmailProps>;

function CourseEmail(p: CourseEmailProps) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{p.heading}</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {p.heading}
          </Heading>
          <Text>Dear {p.greetingName},</Text>
          {/* pre-line: an organiser's message keeps the line breaks it was written with. */}
          {p.paragraphs.map((text, i) => (
            <Text key={i} style={{ whiteSpace: 'pre-line' }}>
              {text}
            </Text>
          ))}
          {p.sessionLines.length > 0 && (
            <>
              <Text style={{ fontWeight: 'bold' }}>Sessions</Text>
              {p.sessionLines.map((line) => (
                <Text key={line} style={{ margin: '2px 0' }}>
                  {line}
                </Text>
              ))}
            </>
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
                  marginTop: '12px',
                }}
              >
                {p.action.label}
              </Button>
              <Text>If the button does not work, copy this address into your browser: {p.action.url}</Text>
            </>
          )}
          <Text style={{ color: '#4b5563' }}>{p.providerName}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const courseEmailTemplate = defineEmail({
  props: ZCourseEmailProps,
  subject: (props) => props.subject,
  element: (props) => <CourseEmail {...props} />,
});
