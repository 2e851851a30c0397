package io.github.cdkcompliancemonitor.examples;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdkcompliancemonitor.ComplianceMonitor;
import io.github.cdkcompliancemonitor.ComplianceRule;
import io.github.cdkcompliancemonitor.Exemption;
import io.github.cdkcompliancemonitor.ExemptionOptions;
import io.github.cdkcompliancemonitor.RuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/** Bad props throw in Java with the message TypeScript users read: the prop named, and the fix. */
class ErrorsTest {
    private static void assertFailsWith(final String message, final Executable build) {
        RuntimeException error = assertThrows(RuntimeException.class, build);
        assertTrue(error.getMessage().contains(message), () -> "expected \"" + message + "\" in: " + error.getMessage());
    }

    private static void monitor(final List<String> alertEmails) {
        ComplianceMonitor.Builder.create(new Stack(new App(), "Bad"), "Monitor").environmentSuffix("prod").alertEmails(alertEmails).build();
    }

    @Test
    void anEmptyListOfAlertEmails() {
        assertFailsWith("alertEmails is empty: give at least one address to receive compliance alerts (for example [\"secops@example.com\"]).",
            () -> monitor(List.of()));
    }

    @Test
    void anAddressThatIsNotOne() {
        assertFailsWith("alertEmails: \"secops\" is not an e-mail address: use the form name@example.com.", () -> monitor(List.of("secops")));
    }

    @Test
    void anExemptionWithoutResources() {
        assertFailsWith("Exemption.ofResources: resourceIds must list at least one resource id, none empty.",
            () -> Exemption.ofResources(List.of(), ExemptionOptions.builder().reason("none").build()));
    }

    @Test
    void aRuleGivenTwice() {
        assertFailsWith("RuleSet: rule \"restricted-ssh\" is already in the set; remove it with withoutRules(\"restricted-ssh\") first.",
            () -> RuleSet.recommended().withRules(ComplianceRule.restrictedSsh()));
    }
}
