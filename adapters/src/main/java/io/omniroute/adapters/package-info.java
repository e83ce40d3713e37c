/**
 * Channel adapters: each turns a foreign payload (a telephony webhook, a raw MIME email, a chat
 * message, a social mention) into a {@link io.omniroute.rules.model.Contact}, and a routing
 * decision into a reply the foreign system understands. Adapters are stateless and tested with
 * recorded fixtures. The first adapters arrive with their own issues; until then every channel
 * posts normalised contacts to {@code POST /v1/contacts}.
 */
package io.omniroute.adapters;
