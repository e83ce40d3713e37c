/**
 * Channel adapters: each turns a foreign payload (a telephony webhook, a raw MIME email, a chat
 * message, a social mention) into a {@link io.omniroute.rules.model.Contact}, and a routing
 * decision into a reply the foreign system understands. Adapters are stateless, free of Vert.x
 * (the engine mounts their endpoints), and tested with recorded fixtures. {@code twilio}: the
 * request signature, the SMS and call webhooks as contact requests, and TwiML answers. {@code
 * social}: Mastodon statuses and a generic post format as social posts, their HTML as plain text
 * (jsoup), and created posts as contact requests.
 */
package io.omniroute.adapters;
