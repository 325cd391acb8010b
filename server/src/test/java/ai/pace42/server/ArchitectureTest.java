package ai.pace42.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency directions of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final String[] PLATFORMS_AND_HTTP = {
        "org.telegram..", "net.dv8tion..", "com.slack..", "org.eclipse.jetty..", "org.glassfish.jersey..",
        "jakarta.ws.rs..", "jakarta.servlet..", "io.dropwizard..", "ai.pace42.garmin..", "ai.pace42.server..",
        "ai.pace42.telegram..", "ai.pace42.discord..", "ai.pace42.slack..", "ai.pace42.weather.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ai.pace42");
    }

    @Test
    void theCoachEngineDependsOnNothingOfOursAndDoesNoIo() {
        ArchRule rule = noClasses().that().resideInAPackage("ai.pace42.coach..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(PLATFORMS_AND_HTTP,
                        "ai.pace42.bot..", "java.net..", "java.sql..", "org.jdbi..", "org.slf4j.."));
        rule.check(classes);
    }

    @Test
    void botCoreKnowsNoPlatformHttpServerOrGarmin() {
        noClasses().that().resideInAPackage("ai.pace42.bot..")
                .should().dependOnClassesThat().resideInAnyPackage(PLATFORMS_AND_HTTP)
                .check(classes);
    }

    /** The LLM coach reaches the analysis and the core's stores, never a chat platform, the server or Garmin. */
    @Test
    void theLlmCoachKnowsNoPlatformHttpServerOrGarmin() {
        noClasses().that().resideInAPackage("ai.pace42.llm..")
                .should().dependOnClassesThat().resideInAnyPackage(PLATFORMS_AND_HTTP)
                .check(classes);
    }

    @Test
    void theGarminClientKnowsNoChatPlatformOrCore() {
        noClasses().that().resideInAPackage("ai.pace42.garmin..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.pace42.bot..", "ai.pace42.server..",
                        "ai.pace42.telegram..", "ai.pace42.discord..", "ai.pace42.slack..", "org.telegram..",
                        "net.dv8tion..", "com.slack..")
                .check(classes);
    }

    @Test
    void theWeatherClientKnowsOnlyTheCoachEngine() {
        noClasses().that().resideInAPackage("ai.pace42.weather..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.pace42.bot..", "ai.pace42.server..",
                        "ai.pace42.garmin..", "ai.pace42.telegram..", "ai.pace42.discord..", "ai.pace42.slack..")
                .check(classes);
    }

    @Test
    void adaptersDoNotImportEachOther() {
        String[][] pairs = {
            {"ai.pace42.telegram..", "ai.pace42.discord..", "ai.pace42.slack.."},
            {"ai.pace42.discord..", "ai.pace42.telegram..", "ai.pace42.slack.."},
            {"ai.pace42.slack..", "ai.pace42.telegram..", "ai.pace42.discord.."}};
        for (String[] p : pairs) {
            noClasses().that().resideInAPackage(p[0])
                    .should().dependOnClassesThat().resideInAnyPackage(p[1], p[2], "ai.pace42.server..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void theRulesSeeEveryModule() {
        // A rule over an empty import would pass vacuously; make sure the classpath holds what we check.
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("ai.pace42.coach")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("ai.pace42.bot.conversation")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("ai.pace42.server.web")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("ai.pace42.slack")).isTrue();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
