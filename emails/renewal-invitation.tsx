import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { z } from 'zod';
import { defineEmail } from './define-email';

const ZProps = z.object({
  recipientName: z.string(),
  schoolName: z.string(),
  providerName: z.string(),
  yearLabel: z.string(),
  closesOn: z.string(),
  url: z.string(),
  reminder: z.boolean(),
  /**
   * The school's current packages carried forward, each priced as the renewal page prices it: before VAT, the
   * school's own VAT and the total (priceWithVatLine). Empty in emails queued before prices were included.
   */
  renewals: z.array(z.object({ name: z.string(), price: z.string() })).default([]),
});
type Props = z.infer<typeof ZProps>;

function RenewalInvitationEmail(p: Props) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>
        {p.reminder ? 'Reminder: ' : ''}Renew {p.schoolName}’s services for {p.yearLabel}
      </Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {p.reminder ? 'Reminder: ' : ''}Your services from {p.providerName} for {p.yearLabel}
          </Heading>
          <Text>Dear {p.recipientName},</Text>
          <Text>
            {p.providerName} is taking buy-back decisions for {p.yearLabel}. You can renew {p.schoolName}’s
            current subscription, change it, or decline, in one click. Please answer by {p.closesOn}.
          </Text>
          {p.renewals.length > 0 && (
            <>
              <Text style={{ marginBottom: 0 }}>What you have now, carried forward to {p.yearLabel}:</Text>
              <ul>
                {p.renewals.map((r) => (
                  <li key={r.name}>
                    {r.name}: {r.price}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Button
            href={p.url}
            style={{
              backgroundColor: '#1d4ed8',
              color: '#ffffff',
              padding: '12px 20px',
              borderRadius: '4px',
            }}
          >
            Renew, change or decline
          </Button>
          <Text>If the button does not work, copy this address into your browser: {p.url}</Text>
          <Text style={{ color: '#4b5563' }}>This link is for you only; please do not forward it.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const renewalInvitationEmail = defineEmail({
  props: ZProps,
  subject: (props) =>
    `${props.reminder ? 'Reminder: ' : ''}Renew ${props.schoolName}’s services for ${props.yearLabel}`,
  element: (props) => <RenewalInvitationEmail {...props} />,
});
