import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { z } from 'zod';
import { defineEmail } from './define-email';

/**
 * Tells a school's headteacher / business manager that a governor booked governor training (or another course)
 * charged to the school: the people who pay the invoice hear of it before it arrives. Statutory-free and package-covered
 * places send none. Rendered to HTML and plain text (react-email) when delivered.
 */
const ZProps = z.object({
  workspaceName: z.string(),
  schoolName: z.string(),
  recipientName: z.string(),
  /** Who booked: the governor themself, or the chair or clerk booking for the board. */
  bookedBy: z.string(),
  /** Governor training, or another course a governor booked from the courses page (emails queued before: true). */
  governorTraining: z.boolean().default(true),
  courseTitle: z.string(),
  /** "12 May 2027". */
  startsOn: z.string(),
  /** One line a place: "Gina Governor: £80.00 plus VAT". */
  places: z.array(z.string()),
  /** "£160.00 plus VAT". */
  total: z.string(),
  url: z.string(),
});
type Props = z.infer<typeof ZProps>;

/** "Governor training charged to Elm Primary", or "A governor’s course place charged to Elm Primary". */
const headline = (p: Props) =>
  `${p.governorTraining ? 'Governor training' : 'A governor’s course place'} charged to ${p.schoolName}`;

function GovernorBookingChargedEmail(p: Props) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{`${headline(p)}: ${p.courseTitle}`}</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {headline(p)}
          </Heading>
          <Text>Dear {p.recipientName},</Text>
          <Text>
            {p.bookedBy} booked {p.places.length === 1 ? 'a place' : `${p.places.length} places`} on{' '}
            {p.courseTitle} ({p.startsOn}). {p.places.length === 1 ? 'It is' : 'They are'} charged to{' '}
            {p.schoolName} and will appear on the school’s invoice from {p.workspaceName}:
          </Text>
          {p.places.map((line, i) => (
            <Text key={i} style={{ margin: '0 0 4px 16px' }}>
              • {line}
            </Text>
          ))}
          <Text>Total: {p.total}.</Text>
          <Text>
            If the school did not mean to pay for this, cancel the place from your school’s bookings before
            the course’s last day to cancel free.
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
            See your school’s places
          </Button>
          <Text>If the button does not work, copy this address into your browser: {p.url}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const governorBookingChargedEmail = defineEmail({
  props: ZProps,
  subject: (props) => `${headline(props)}: ${props.courseTitle}`,
  element: (props) => <GovernorBookingChargedEmail {...props} />,
});
