package io.omniroute.adapters.twilio;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One inbound SMS or call, as Twilio's webhook reports it ({@code MessageSid}, {@code From},
 * {@code To}, {@code Body}, {@code FromCountry}; {@code CallSid}, {@code From}, {@code To}, {@code
 * CallerCountry} and, when the call went through a {@code <Gather input="speech">} first, {@code
 * SpeechResult}), read and checked, and turned into the engine's contact request. The Twilio id
 * ({@code MessageSid} or {@code CallSid}) is the idempotency key, so a retried webhook never makes
 * a twin. SMS between one number and one of the brand's numbers share a {@link #threadKey()}, so
 * a later SMS of the same customer can follow their conversation up; every call is a conversation
 * of its own. Immutable.
 *
 * @param sid the Twilio id of the message or call
 * @param channel {@code sms} or {@code voice}
 * @param from the customer's number (E.164)
 * @param to the number the customer wrote to or called (E.164): a dealer's hotline or a country's
 * @param country the ISO country of {@code from} as Twilio resolved it, or {@code null}
 * @param text the SMS text, or what the caller said to a speech gather; {@code null} for a call without one
 */
public record TwilioMessage(String sid, String channel, String from, String to, String country, String text) {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  static final Pattern SID = Pattern.compile("[A-Z]{2}[0-9a-fA-F]{32}");
  private static final int MAX_TEXT = 60_000;

  /**
   * The SMS of a messaging webhook.
   *
   * @throws InvalidTwilioRequestException naming every missing or malformed parameter
   */
  public static TwilioMessage sms(FormBody form) {
    List<String> problems = new ArrayList<>();
    String sid = sid(form, "MessageSid", problems);
    String from = number(form, "From", problems);
    String to = number(form, "To", problems);
    String body = form.first("Body");
    if (body == null) {
      problems.add("Body is missing: the text of the SMS");
    } else if (body.length() > MAX_TEXT) {
      problems.add("Body has " + body.length() + " characters; at most " + MAX_TEXT);
    }
    String country = country(form, "FromCountry", problems);
    if (!problems.isEmpty()) {
      throw new InvalidTwilioRequestException(problems);
    }
    return new TwilioMessage(sid, "sms", from, to, country, body);
  }

  /**
   * The call of a voice webhook.
   *
   * @throws InvalidTwilioRequestException naming every missing or malformed parameter
   */
  public static TwilioMessage call(FormBody form) {
    List<String> problems = new ArrayList<>();
    String sid = sid(form, "CallSid", problems);
    String from = number(form, "From", problems);
    String to = number(form, "To", problems);
    String country = country(form, "CallerCountry", problems);
    String speech = form.first("SpeechResult");
    if (speech != null && speech.length() > MAX_TEXT) {
      problems.add("SpeechResult has " + speech.length() + " characters; at most " + MAX_TEXT);
    }
    if (!problems.isEmpty()) {
      throw new InvalidTwilioRequestException(problems);
    }
    return new TwilioMessage(sid, "voice", from, to, country, speech == null || speech.isBlank() ? null : speech);
  }

  /**
   * The contact request of {@code POST /v1/contacts} for this message, without a thread (the
   * engine decides which conversation an SMS follows up).
   *
   * @param dealerId the dealer the called number belongs to, for the rules to route by; may be {@code null}
   * @param calledCountry the country the called number belongs to, which then wins over the
   *     caller's; may be {@code null}
   */
  public ObjectNode toContact(String dealerId, String calledCountry) {
    ObjectNode contact = JsonNodeFactory.instance.objectNode();
    contact.put("channel", channel);
    contact.putObject("from").put("phone", from);
    String market = calledCountry != null ? calledCountry : country;
    if (market != null) {
      contact.put("country", market);
    }
    if (dealerId != null) {
      contact.put("dealerId", dealerId);
    }
    if (text != null) {
      contact.put("text", text);
    }
    contact.putObject("references").put("twilioSid", sid).put("calledNumber", to);
    return contact;
  }

  /** What every SMS between the same two numbers shares: {@code twilio:<from>><to>}. */
  public String threadKey() {
    return "twilio:" + from + ">" + to;
  }

  /** The idempotency key of this message: its Twilio id. */
  public String idempotencyKey() {
    return "twilio:" + sid;
  }

  private static String sid(FormBody form, String name, List<String> problems) {
    String value = form.first(name);
    if (value == null || !SID.matcher(value).matches()) {
      problems.add(name + (value == null ? " is missing" : " is '" + value + "'")
          + ": Twilio's id of 34 characters, two letters and 32 hex digits");
    }
    return value;
  }

  private static String number(FormBody form, String name, List<String> problems) {
    String value = form.first(name);
    if (value == null || !E164.matcher(value).matches()) {
      problems.add(name + (value == null ? " is missing" : " is '" + value + "'") + ": an E.164 number such as +498912345678");
    }
    return value;
  }

  private static String country(FormBody form, String name, List<String> problems) {
    String value = form.first(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    String upper = value.toUpperCase(Locale.ROOT);
    if (!COUNTRY.matcher(upper).matches()) {
      problems.add(name + " is '" + value + "': an ISO 3166-1 alpha-2 country such as DE");
      return null;
    }
    return upper;
  }
}
