/**
 * The engine side of the email channel: {@link io.omniroute.engine.channel.email.EmailIntake}
 * takes raw mail (posted to {@code POST /v1/channels/email/inbound} or fetched by the {@link
 * io.omniroute.engine.channel.email.ImapPoller}) through the adapter parser into the contact
 * lifecycle; {@link io.omniroute.engine.channel.email.SmtpOutbound} sends agents' answers back by
 * SMTP so they thread in the customer's mail program. {@link
 * io.omniroute.engine.channel.email.EmailChannel} wires them into a starting engine, configured by
 * {@link io.omniroute.engine.channel.email.EmailOptions}. Parsing and all mail I/O run on worker
 * threads, never on an event loop.
 */
package io.omniroute.engine.channel.email;
