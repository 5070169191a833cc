import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { z } from 'zod';
import { defineEmail } from './define-email';

const ZProps = z.object({
  recipientName: z.string(),
  schoolName: z.string(),
  issuerName: z.string(),
  adviserName: z.string(),
  visitedOn: z.string(),
  url: z.string(),
});

function Layout(p: {
  preview: string;
  heading: string;
  children: React.ReactNode;
  url: string;
  action: string;
}) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{p.preview}</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {p.heading}
          </Heading>
          {p.children}
          <Button
            href={p.url}
            style={{
              backgroundColor: '#1d4ed8',
              color: '#ffffff',
              padding: '12px 20px',
              borderRadius: '4px',
            }}
          >
            {p.action}
          </Button>
          <Text>If the button does not work, copy this address into your browser: {p.url}</Text>
        </Container>
      </Body>
    </Html>
  );
}

const sentSubject = (p: { schoolName: string; visitedOn: string }) =>
  `Note of visit to ${p.schoolName} on ${p.visitedOn} for you to agree`;
/** To the headteacher: a note of visit to read and agree (or comment on). */
export const noteSentEmail = defineEmail({
  props: ZProps.extend({ version: z.number().int() }),
  subject: sentSubject,
  element: (p) => (
    <Layout
      preview={sentSubject(p)}
      heading="A note of visit for you to agree"
      url={p.url}
      action="Read the note"
    >
      <Text>Dear {p.recipientName},</Text>
      <Text>
        {p.adviserName} has sent you the note of their visit to {p.schoolName} on {p.visitedOn}
        {p.version > 1 ? ` (revised, version ${p.version})` : ''}. Please read it, then agree it or add your
        comments. Once agreed it is shared with governors and cannot be changed.
      </Text>
      <Text>You will be asked to sign in with your school email address.</Text>
    </Layout>
  ),
});

const sharedSubject = (p: { schoolName: string; visitedOn: string }) =>
  `Agreed note of visit to ${p.schoolName} on ${p.visitedOn}`;
/** To the chair (and other governors with an account): the agreed note. */
export const noteSharedEmail = defineEmail({
  props: ZProps.extend({ chairWording: z.string() }),
  subject: sharedSubject,
  element: (p) => (
    <Layout preview={sharedSubject(p)} heading="An agreed note of visit" url={p.url} action="Read the note">
      <Text>Dear {p.recipientName},</Text>
      <Text>
        {p.issuerName} has shared with {p.chairWording} the note of {p.adviserName}’s visit to {p.schoolName}{' '}
        on {p.visitedOn}, as agreed with the headteacher.
      </Text>
      <Text>You will be asked to sign in with your email address.</Text>
    </Layout>
  ),
});

const answeredSubject = (p: { schoolName: string; visitedOn: string; agreed: boolean }) =>
  p.agreed
    ? `${p.schoolName} agreed your note of visit of ${p.visitedOn}`
    : `${p.schoolName} commented on your note of visit of ${p.visitedOn}`;
/** To the adviser who wrote the note: the headteacher agreed it, or commented on it. */
export const noteAnsweredEmail = defineEmail({
  props: ZProps.omit({ issuerName: true }).extend({ agreed: z.boolean(), headName: z.string() }),
  subject: answeredSubject,
  element: (p) => (
    <Layout
      preview={answeredSubject(p)}
      heading={p.agreed ? 'Note of visit agreed' : 'Comments on your note of visit'}
      url={p.url}
      action="Open the note"
    >
      <Text>Dear {p.recipientName},</Text>
      <Text>
        {p.agreed
          ? `${p.headName} has agreed your note of visit to ${p.schoolName} on ${p.visitedOn}. It is now locked; you can share it with governors.`
          : `${p.headName} has commented on your note of visit to ${p.schoolName} on ${p.visitedOn}. Please revise the note and send it again.`}
      </Text>
    </Layout>
  ),
});
