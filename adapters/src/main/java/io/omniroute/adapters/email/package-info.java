/**
 * The email channel: one raw RFC 5322 message (as a mail service posts it, or as a mailbox holds
 * it) parsed with Jakarta Mail into the engine's contact request. {@link
 * io.omniroute.adapters.email.InboundMail} is the entry point: the sender, the subject, the new
 * text apart from the quoted earlier messages and the signature ({@link
 * io.omniroute.adapters.email.ReplyText}), attachments as metadata only, the thread key from
 * {@code Message-ID}, {@code In-Reply-To} and {@code References}, and the dealer or country the
 * recipient address belongs to. HTML is only ever read into plain text ({@link
 * io.omniroute.adapters.email.HtmlText}); nothing of it is passed on.
 */
package io.omniroute.adapters.email;
