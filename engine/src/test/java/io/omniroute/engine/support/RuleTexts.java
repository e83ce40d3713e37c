package io.omniroute.engine.support;

/** Rule texts and contacts the rule tests share. Stateless. */
public final class RuleTexts {
  /** A German email about the vehicle tax: the global rules send it to {@code country:DE}. */
  public static final String TAX_QUESTION =
      "{\"channel\":\"email\",\"country\":\"DE\",\"text\":\"Wie hoch ist die Kfz-Steuer?\"}";

  private RuleTexts() {}

  /** Country rules that send vehicle tax questions to {@code dealer}. */
  public static String taxQuestionsTo(String dealer) {
    return taxQuestionsTo(dealer, null);
  }

  /** Country rules that send vehicle tax questions to {@code dealer} with {@code topic} (when not null). */
  public static String taxQuestionsTo(String dealer, String topic) {
    return """
        package io.omniroute.rules;

        rule "Vehicle tax questions to %1$s"
        when
          $a : Assessment( mentionsAny("kfz-steuer") )
        then
          %2$s$a.routeDealer( "%1$s" );
        end
        """.formatted(dealer, topic == null ? "" : "$a.setTopic( \"" + topic + "\" );\n  ");
  }
}
