package io.omniroute.engine.channel.social;

import java.time.Instant;
import java.util.Objects;

/**
 * A page, blog or account on a social network that belongs to a dealer or agency: a post made on
 * it (on Mastodon: by it, mentioning it or answering it) is a contact of that dealer. Immutable.
 *
 * @param id the id chosen when it was registered
 * @param network the network's name, lower-case ({@code mastodon}, {@code instagram})
 * @param page the page, blog or account, normalised ({@code SocialPost.normalisedPage}); on
 *     Mastodon the partner's account {@code user@instance}
 * @param dealerId the dealer of the directory it belongs to
 * @param registeredBy who registered it (the token's name)
 * @param registeredAt when it was registered
 */
public record PartnerChannel(
    String id, String network, String page, String dealerId, String registeredBy, Instant registeredAt) {
  public PartnerChannel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(dealerId, "dealerId");
    Objects.requireNonNull(registeredBy, "registeredBy");
    Objects.requireNonNull(registeredAt, "registeredAt");
  }

  /** The key of its page in the registry's index: {@code <network> <page>}. */
  public String pageKey() {
    return pageKey(network, page);
  }

  /** The index key of {@code page} on {@code network}. */
  public static String pageKey(String network, String page) {
    return network + " " + page;
  }
}
