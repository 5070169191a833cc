import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Text } from '@react-email/components';
import { Fragment, type ReactNode } from 'react';
import { z } from 'zod';
import { defineEmail } from './define-email';

/**
 * The termly governor bulletin, in the layout of the notice email: a heading, the officer's text, the links
 * they added, and (always) the one-click unsubscribe link. The text is plain with a little markdown:
 * blank-line paragraphs (their line breaks kept), "- " list items and **bold**; the plain-text part keeps the
 * same structure.
 */
const ZProps = z.object({
  workspaceName: z.string(),
  title: z.string(),
  body: z.string(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  recipientName: z.string(),
  /** Why they get it: their school's governor package, or being on a board in the register (every board). */
  reason: z.enum(['package', 'register']).default('package'),
  unsubscribeUrl: z.string(),
});
type Props = z.infer<typeof ZProps>;

/** "Read **this** now" → ["Read ", <strong>this</strong>, " now"]. */
function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/g)
    .filter(Boolean)
    .map((part, i) =>
      part.startsWith('**') && part.endsWith('**') ? <strong key={i}>{part.slice(2, -2)}</strong> : part,
    );
}

export type BulletinBlock = { kind: 'p'; lines: string[] } | { kind: 'ul'; items: string[] };

const listItem = /^[-*•]\s+/;

/**
 * The body's blocks, as the officer typed them: paragraphs (a blank line between), each keeping its own line
 * breaks, and bulleted lists (lines starting "- ", "* " or "• "), which may follow a paragraph's lead line
 * without a blank line. Text only: it is rendered as React text (escaped), never as HTML.
 */
export function bulletinBlocks(body: string): BulletinBlock[] {
  const blocks: BulletinBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    let current: BulletinBlock | null = null;
    for (const line of lines) {
      if (listItem.test(line)) {
        if (current?.kind !== 'ul') blocks.push((current = { kind: 'ul', items: [] }));
        current.items.push(line.replace(listItem, ''));
      } else {
        if (current?.kind !== 'p') blocks.push((current = { kind: 'p', lines: [] }));
        current.lines.push(line);
      }
    }
  }
  return blocks;
}

function GovernorBulletinEmail(p: Props) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{`${p.workspaceName}: ${p.title}`}</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', backgroundColor: '#f3f4f6', padding: '24px' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', maxWidth: '560px' }}>
          <Text style={{ color: '#4b5563', margin: 0 }}>{p.workspaceName}: governor bulletin</Text>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {p.title}
          </Heading>
          <Text>Dear {p.recipientName},</Text>
          {bulletinBlocks(p.body).map((block, i) =>
            block.kind === 'p' ? (
              <Text key={i}>
                {block.lines.map((line, j) => (
                  <Fragment key={j}>
                    {j > 0 && <br />}
                    {inline(line)}
                  </Fragment>
                ))}
              </Text>
            ) : (
              <ul key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{inline(item)}</li>
                ))}
              </ul>
            ),
          )}
          {p.links.length > 0 && (
            <>
              <Heading as="h2" style={{ fontSize: '18px' }}>
                Links
              </Heading>
              <ul>
                {p.links.map((link) => (
                  <li key={link.url}>
                    <Link href={link.url}>{link.label}</Link> ({link.url})
                  </li>
                ))}
              </ul>
            </>
          )}
          <Hr />
          <Text style={{ color: '#4b5563', fontSize: '13px' }}>
            {p.reason === 'register'
              ? `You receive this bulletin as a member of a governing board on ${p.workspaceName}’s register of governors.`
              : `You receive this bulletin as a member of a governing board whose school subscribes to ${p.workspaceName}’s governor services.`}{' '}
            To stop receiving it, unsubscribe (one click, no sign-in):{' '}
            <Link href={p.unsubscribeUrl}>{p.unsubscribeUrl}</Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const governorBulletinEmail = defineEmail({
  props: ZProps,
  subject: (props) => `${props.workspaceName} governor bulletin: ${props.title}`,
  element: (props) => <GovernorBulletinEmail {...props} />,
});
