package io.omniroute.adapters.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A mail's text split where the sender's mail program marked it: the new text the customer wrote,
 * the earlier messages it quotes, and the signature. Only what is marked is split off: lines
 * quoted with {@code >}, everything below an attribution line ({@code On ... wrote:}, {@code Am
 * ... schrieb ...:}, {@code Le ... a écrit :}) or a separator such as {@code -----Original
 * Message-----}, and everything below the signature delimiter {@code "-- "} (RFC 3676) or a
 * closing {@code Sent from my ...} line. Unmarked text stays new text. Immutable.
 *
 * @param text what the customer wrote now (may be empty)
 * @param quoted the quoted earlier messages, or empty
 * @param signature the signature, or empty
 */
public record ReplyText(String text, String quoted, String signature) {
  private static final Pattern SEPARATOR = Pattern.compile(
      "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Messaggio originale|Mensaje original"
          + "|Forwarded message|Weitergeleitete Nachricht)\\s*-{2,}\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTION_START = Pattern.compile("^\\s*(On|Am|Le|Il|El|Op)\\s.+", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTION_END = Pattern.compile(
      ".*\\b(wrote|schrieb|a écrit|ha scritto|escribió|schreef)\\b.*:\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern OUTLOOK_HEADER = Pattern.compile("^\\s*(From|Von|De|Da):\\s.+");
  private static final Pattern OUTLOOK_NEXT = Pattern.compile("^\\s*(Sent|Gesendet|Date|Datum|Envoyé|Inviato|Enviado):\\s.*");
  private static final Pattern SENT_FROM = Pattern.compile(
      "^\\s*(Sent from my .+|Von meinem .+ gesendet|Envoyé de mon .+|Inviato da .+|Enviado desde mi .+)$",
      Pattern.CASE_INSENSITIVE);

  /** The text of a plain-text mail, split. */
  public static ReplyText ofPlain(String plain) {
    List<String> lines = List.of(plain.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    int cut = quoteStart(lines);
    List<String> own = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    for (int i = 0; i < cut; i++) {
      (lines.get(i).startsWith(">") ? quoted : own).add(lines.get(i));
    }
    quoted.addAll(lines.subList(cut, lines.size()));
    int signature = signatureStart(own);
    return new ReplyText(
        join(own.subList(0, signature)), join(quoted), join(own.subList(Math.min(signature + 1, own.size()), own.size()),
            signature < own.size() && !isDelimiter(own.get(signature)) ? own.get(signature) : null));
  }

  private static int quoteStart(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (SEPARATOR.matcher(line).matches()) {
        return i;
      }
      if (ATTRIBUTION_START.matcher(line).matches()) {
        if (ATTRIBUTION_END.matcher(line).matches() && nextIsQuoteOrEnd(lines, i + 1)) {
          return i;
        }
        if (i + 1 < lines.size() && ATTRIBUTION_END.matcher(lines.get(i + 1)).matches() && nextIsQuoteOrEnd(lines, i + 2)) {
          return i;
        }
      }
      if (OUTLOOK_HEADER.matcher(line).matches() && i + 1 < lines.size() && OUTLOOK_NEXT.matcher(lines.get(i + 1)).matches()
          && (i == 0 || lines.get(i - 1).isBlank() || lines.get(i - 1).startsWith("_"))) {
        return i > 0 && lines.get(i - 1).startsWith("_") ? i - 1 : i;
      }
    }
    return lines.size();
  }

  private static boolean nextIsQuoteOrEnd(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i).startsWith(">");
      }
    }
    return true;
  }

  /** The index of the signature delimiter or closing "Sent from" line in {@code own}; its size when there is none. */
  private static int signatureStart(List<String> own) {
    for (int i = own.size() - 1; i >= 0; i--) {
      if (isDelimiter(own.get(i))) {
        return i;
      }
    }
    for (int i = own.size() - 1; i >= 0; i--) {
      if (!own.get(i).isBlank()) {
        return SENT_FROM.matcher(own.get(i)).matches() ? i : own.size();
      }
    }
    return own.size();
  }

  private static boolean isDelimiter(String line) {
    return line.equals("-- ") || line.equals("--");
  }

  private static String join(List<String> lines) {
    return join(lines, null);
  }

  private static String join(List<String> lines, String first) {
    StringBuilder text = new StringBuilder();
    if (first != null) {
      text.append(first).append('\n');
    }
    lines.forEach(line -> text.append(stripTrailing(line)).append('\n'));
    return text.toString().strip();
  }

  private static String stripTrailing(String line) {
    return line.stripTrailing();
  }
}
