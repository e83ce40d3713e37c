package io.omniroute.rules.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omniroute.rules.RuleCompilationException;
import io.omniroute.rules.RuleProblem;
import io.omniroute.rules.RuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile rule sets: each is rejected with a message that names the problem and its line. */
class RuleSandboxTest {
  private static final String HEADER = """
      package io.omniroute.rules;
      import io.omniroute.rules.model.Urgency;
      global io.omniroute.rules.directory.Directory directory;
      """;

  /** A rule set whose one rule's consequence is {@code code}; the consequence starts on line 8. */
  private static String ruleWith(String code) {
    return HEADER + """
        rule "Hostile"
          salience 900
        when
          $a : Assessment( !classified )
        then
        """ + code + "\nend\n";
  }

  private static List<RuleProblem> problems(String drl) {
    return RuleSandbox.check(drl);
  }

  @Test
  void acceptsTheDefaultPolicy() {
    assertThat(problems(RuleSet.defaultPolicyText())).isEmpty();
  }

  @Test
  void findsEveryHostileRuleInALargeRuleSetCheckedInParallel() {
    StringBuilder drl = new StringBuilder(HEADER);
    for (int i = 0; i < 200; i++) {
      String code = i % 50 == 7 ? "System.exit( " + i + " );" : "$a.setTopic( \"t" + i + "\" );";
      drl.append("rule \"R").append(i).append("\"\nwhen\n  $a : Assessment( !classified )\nthen\n  ")
          .append(code).append("\nend\n");
    }

    List<RuleProblem> found = problems(drl.toString());

    assertThat(found).hasSize(4);
    assertThat(found).extracting(RuleProblem::message).allSatisfy(m -> assertThat(m).contains("'System' is not known"));
    assertThat(found).extracting(RuleProblem::line).isSorted().doesNotHaveDuplicates();
    assertThat(found).allSatisfy(p -> assertThat(p.message()).contains("rule \"R" + (7 + 50 * found.indexOf(p)) + "\""));
  }

  @Test
  void acceptsAConsequenceThatUsesTheDecisionApiModifyAndLocals() {
    String drl = ruleWith("""
          String topic = directory.topicOf( $a.getContact().getSearchableText() );
          if ( topic != null && topic.startsWith( "ev" ) ) { $a.setTopic( topic ); }
          $a.setUrgency( Urgency.HIGH );
          modify( $a ) { setClassified( true ) }
        """);
    assertThat(problems(drl)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      System.exit                    | System.exit( 0 );                                                         | 'System' is not known
      Runtime.exec                   | Runtime.getRuntime().exec( "rm -rf /" );                                 | 'Runtime' is not known
      fully qualified Runtime        | java.lang.Runtime.getRuntime().exec( "id" );                             | 'java' is not known
      ProcessBuilder                 | new ProcessBuilder( "sh" ).start();                                      | 'ProcessBuilder' is not part of the fact model
      file read                      | java.nio.file.Files.readString( java.nio.file.Path.of( "/etc/passwd" ) ); | 'java' is not known
      file write                     | new java.io.FileWriter( "/tmp/x" ).write( "x" );                         | 'java.io.FileWriter' is not part of the fact model
      socket                         | new java.net.Socket( "example.org", 80 );                                | 'java.net.Socket' is not part of the fact model
      reflection through getClass    | $a.getClass().getDeclaredMethods();                                      | 'Assessment.getClass' with 0 argument(s) is not allowed
      reflection on a string         | "x".getClass().getClassLoader();                                         | 'String.getClass' with 0 argument(s) is not allowed
      Class.forName                  | Class.forName( "java.lang.Runtime" );                                     | 'Class' is not known
      class literal                  | Object o = String.class;                                                  | the type 'Object' is not part of the fact model
      thread creation                | new Thread( () -> {} ).start();                                           | 'Thread' is not part of the fact model
      lambda                         | Runnable r = () -> $a.routeCentral();                                     | the type 'Runnable' is not part of the fact model
      static field write             | Urgency.CRITICAL = null;                                                  | writes to something other than a local variable
      infinite while loop            | while ( true ) { }                                                        | while '
      for loop                       | for ( int i = 0; i < 10; i++ ) { $a.routeCentral(); }                     | for '
      try to swallow limits          | try { $a.routeCentral(); } catch ( Throwable t ) { }                      | try '
      drools internals               | drools.halt();                                                            | 'drools' is not known
      kcontext internals             | kcontext.getKieRuntime().halt();                                          | 'kcontext' is not known
      synchronized                   | synchronized ( $a ) { $a.routeCentral(); }                                | synchronized '
      string bomb                    | $a.setTopic( "x".repeat( 2000000000 ) );                                  | 'String.repeat' with 1 argument(s) is not allowed
      array allocation               | long[] big = new long[ 1000000000 ];                                      | the type 'long[]' is not part of the fact model
      """)
  void rejectsHostileConsequence(String name, String code, String expected) {
    List<RuleProblem> problems = problems(ruleWith("  " + code));
    assertThat(problems).as(name).isNotEmpty();
    assertThat(problems.get(0).message()).contains("rule \"Hostile\", consequence").contains(expected);
    assertThat(problems.get(0).line()).as("line of " + name).isEqualTo(9);
  }

  @Test
  void rejectsImportsOutsideTheFactModel() {
    String drl = "package io.omniroute.rules;\nimport java.io.File;\nimport io.omniroute.rules.model.*;\n";
    assertThat(problems(drl)).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).startsWith("import java.io.File is not allowed: rules may import only the fact model");
    });
  }

  @Test
  void rejectsTheMvelDialect() {
    String drl = HEADER + """
        rule "Escape through MVEL"
          dialect "mvel"
        when
          $a : Assessment( )
        then
          System.exit( 0 );
        end
        """;
    assertThat(problems(drl)).extracting(RuleProblem::message)
        .anySatisfy(m -> assertThat(m).contains("uses dialect \"mvel\": only the java dialect is allowed"));
  }

  @Test
  void rejectsTheMvelDialectForTheWholePackage() {
    String drl = "package io.omniroute.rules;\ndialect \"mvel\"\n";
    assertThat(problems(drl)).extracting(RuleProblem::message)
        .anySatisfy(m -> assertThat(m).contains("the package uses dialect \"mvel\""));
  }

  @Test
  void rejectsHostileCodeInConditions() {
    String drl = HEADER + """
        rule "Hostile condition"
        when
          $a : Assessment( classified || System.exit( 0 ) == null )
          eval( Runtime.getRuntime().availableProcessors() > 0 )
        then
          $a.routeCentral();
        end
        """;
    assertThat(problems(drl)).extracting(RuleProblem::message)
        .anySatisfy(m -> assertThat(m).contains("condition: 'System' is not known"))
        .anySatisfy(m -> assertThat(m).contains("eval: 'Runtime' is not known"));
  }

  @Test
  void rejectsHostileSourcesAndFacts() {
    String drl = HEADER + """
        rule "Facts from elsewhere"
        when
          $f : java.io.File( ) from new java.io.File( "/" ).listFiles()
        then
        end
        """;
    assertThat(problems(drl)).extracting(RuleProblem::message)
        .anySatisfy(m -> assertThat(m).contains("java.io.File is not a fact of the fact model"))
        .anySatisfy(m -> assertThat(m).contains("from"));
  }

  @Test
  void rejectsHostileFunctionsAndRecursion() {
    String drl = HEADER + """
        function void quit() {
          System.exit( 1 );
        }
        function int forever( int n ) {
          return forever( n + 1 );
        }
        """;
    assertThat(problems(drl)).extracting(RuleProblem::message)
        .anySatisfy(m -> assertThat(m).contains("function quit: 'System' is not known"))
        .anySatisfy(m -> assertThat(m).contains("function forever calls itself"));
  }

  @Test
  void rejectsGlobalsTheEngineDoesNotProvideAndTypeDeclarations() {
    String drl = """
        package io.omniroute.rules;
        global java.lang.Runtime runtime;
        declare Smuggled
          name : String
        end
        """;
    assertThat(problems(drl)).extracting(RuleProblem::message)
        .anySatisfy(m -> assertThat(m).contains("global java.lang.Runtime runtime is not provided by the engine"))
        .anySatisfy(m -> assertThat(m).contains("declare Smuggled is not allowed"));
  }

  @Test
  void rejectsAnotherPackage() {
    assertThat(problems("package java.lang;\n")).extracting(RuleProblem::message)
        .anySatisfy(m -> assertThat(m).contains("package java.lang is not allowed"));
  }

  @Test
  void compileRefusesASandboxViolationWithItsLine() {
    assertThatThrownBy(() -> RuleSet.compile("global:2", ruleWith("  System.exit( 0 );")))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
            .singleElement().satisfies(p -> {
              assertThat(p.line()).isEqualTo(9);
              assertThat(p.message()).contains("'System' is not known");
            }));
  }

  @Test
  void rewritesModifyBlocksIntoCallsOnTheTarget() {
    assertThat(ModifyBlocks.rewrite("modify( $a ) { setX( \"a,b\" ), setY( f(1, 2) ) }"))
        .isEqualTo("modify($a); $a.setX( \"a,b\" ); $a.setY( f(1, 2) );");
    assertThat(ModifyBlocks.rewrite("// modify( $a ) { x }\nmodify($b){\n setZ(1)\n}"))
        .isEqualTo("// modify( $a ) { x }\nmodify($b); $b.setZ(1);\n\n");
  }
}
