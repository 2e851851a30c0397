package io.github.cdkcompliancemonitor.examples;

import io.github.cdkcompliancemonitor.ComplianceMonitor;
import io.github.cdkcompliancemonitor.ComplianceRule;
import io.github.cdkcompliancemonitor.Evaluator;
import io.github.cdkcompliancemonitor.Exemption;
import io.github.cdkcompliancemonitor.ExemptionOptions;
import io.github.cdkcompliancemonitor.RecorderOptions;
import io.github.cdkcompliancemonitor.RemediationMode;
import io.github.cdkcompliancemonitor.RequiredTagsOptions;
import io.github.cdkcompliancemonitor.RetentionOptions;
import io.github.cdkcompliancemonitor.RuleOptions;
import io.github.cdkcompliancemonitor.RuleSet;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;

/**
 * The monitor as a platform team would write it in Java: a rule set of its own, remediation applied,
 * an existing Config recorder, retention and tags. The same scenario as the Python example's.
 */
public final class ComplianceApp {
    public static final String ENVIRONMENT_SUFFIX = "staging";

    /** Seven tags: one more than the managed REQUIRED_TAGS rule takes, so the engine evaluates them. */
    public static final Map<String, List<String>> REQUIRED_TAGS = Map.of(
        "Environment", List.of("prod", "staging", "dev"),
        "Owner", List.of(),
        "CostCenter", List.of(),
        "DataClass", List.of("public", "internal", "secret"),
        "Team", List.of(),
        "Application", List.of(),
        "Backup", List.of("daily", "none"));

    private ComplianceApp() {
    }

    /** The recommended rules, with required tags and SSH as this team wants them. */
    public static RuleSet ruleSet() {
        Exemption bastions = Exemption.ofTag("compliance-exempt", "bastion",
            ExemptionOptions.builder().reason("RISK-42: bastion hosts").expires("2027-03-31").build());
        return RuleSet.recommended()
            .withoutRules("required-tags", "restricted-ssh")
            .withRules(
                ComplianceRule.requiredTags(RequiredTagsOptions.builder().tags(REQUIRED_TAGS).evaluator(Evaluator.ENGINE).build()),
                ComplianceRule.restrictedSsh(RuleOptions.builder().exemptions(List.of(bastions)).autoRemediate(true).build()));
    }

    public static Stack build(final App app) {
        Stack stack = new Stack(app, "ComplianceJava");
        ComplianceMonitor.Builder.create(stack, "Monitor")
            .environmentSuffix(ENVIRONMENT_SUFFIX)
            .alertEmails(List.of("secops@example.com", "platform@example.com"))
            .rules(ruleSet())
            .remediation(RemediationMode.APPLY)
            .recorder(RecorderOptions.builder().useExisting(true).build())
            .retention(RetentionOptions.builder().reports(Duration.days(400)).findings(Duration.days(120)).build())
            .tags(Map.of("Team", "platform", "CostCenter", "cc-1234"))
            .build();
        return stack;
    }

    public static void main(final String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }
}
