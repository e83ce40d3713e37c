package io.omniroute.engine.channel.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.adapters.social.MastodonStatus;
import io.omniroute.adapters.social.SocialPost;
import io.omniroute.engine.channel.social.InvalidPartnerChannelException.FieldError;
import io.omniroute.engine.customer.Identities;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Partner channels as JSON: the body of {@code PUT /v1/partner-channels/{id}} read and checked,
 * the API's view, and the text a store keeps. Stateless and thread-safe.
 */
public final class PartnerChannelJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PartnerChannelJson() {}

  /** What a {@code PUT} body asks for: the network and page normalised. */
  record Draft(String network, String page, String dealerId) {}

  /**
   * The network, page and dealer of a {@code PUT} body, normalised.
   *
   * @throws InvalidPartnerChannelException naming every offending field
   */
  static Draft read(JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    String networkText = body == null ? null : body.path("network").asText(null);
    String network = Identities.network(networkText);
    if (network == null) {
      errors.add(new FieldError("network", "'" + networkText + "' is no network name: lower-case letters, digits"
          + " and . _ -, at most 32, such as mastodon or instagram"));
    }
    String pageText = body == null ? null : body.path("page").asText(null);
    String page = SocialPost.normalisedPage(pageText);
    if (page == null) {
      errors.add(new FieldError("page", "'" + pageText + "' is no page: 1 to 300 characters without spaces, such as"
          + " the page's name, the blog's address or the account's handle"));
    } else if (MastodonStatus.NETWORK.equals(network) && !SocialPost.isFederatedHandle(page)) {
      errors.add(new FieldError("page", "'" + pageText + "' is no Mastodon account: give the partner's account with"
          + " its instance, such as autohaus_muenchen@social.example"));
    }
    String dealerId = body == null ? null : body.path("dealerId").asText(null);
    if (dealerId == null || dealerId.isBlank()) {
      errors.add(new FieldError("dealerId", "is missing: the dealer of the directory the channel belongs to"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidPartnerChannelException(errors);
    }
    return new Draft(network, page, dealerId);
  }

  /** The API's view of a channel. */
  public static ObjectNode write(PartnerChannel channel) {
    return JsonNodeFactory.instance.objectNode()
        .put("id", channel.id())
        .put("network", channel.network())
        .put("page", channel.page())
        .put("dealerId", channel.dealerId())
        .put("registeredBy", channel.registeredBy())
        .put("registeredAt", channel.registeredAt().toString());
  }

  /** The text a store keeps: the API's view. */
  static String stored(PartnerChannel channel) {
    return write(channel).toString();
  }

  /** A channel from the text a store keeps. */
  static PartnerChannel fromStored(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return new PartnerChannel(node.get("id").asText(), node.get("network").asText(), node.get("page").asText(),
          node.get("dealerId").asText(), node.get("registeredBy").asText(),
          Instant.parse(node.get("registeredAt").asText()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a stored partner channel is no JSON: " + e.getOriginalMessage(), e);
    }
  }
}
