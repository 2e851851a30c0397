package io.github.cdkcompliancemonitor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The example app's monitor, synthesized in Java, asserted on its template. */
class ExampleAppTest {
    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = Template.fromStack(ComplianceApp.build(new App()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(final String type, final String nameKey, final String name) {
        Map<String, Map<String, Object>> found = (Map<String, Map<String, Object>>) (Map<String, ?>) template.findResources(type,
            Map.of("Properties", Map.of(nameKey, name)));
        assertEquals(1, found.size(), () -> "one " + type + " named " + name);
        return (Map<String, Object>) found.values().iterator().next().get("Properties");
    }

    /** The RULES variable: the suffix once, each rule without what follows from its name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> rulesSetting() throws Exception {
        Map<String, Object> environment = (Map<String, Object>) properties("AWS::Lambda::Function", "FunctionName", "compliance-analyzer-staging").get("Environment");
        return new ObjectMapper().readValue((String) ((Map<String, Object>) environment.get("Variables")).get("RULES"), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deployedRule(final String ruleName) throws Exception {
        List<Map<String, Object>> rules = (List<Map<String, Object>>) rulesSetting().get("rules");
        return rules.stream().filter(rule -> ruleName.equals(rule.get("ruleName"))).findFirst().orElseThrow();
    }

    @Test
    void theRuleSetBuiltInJavaIsTheOneDeployed() {
        assertEquals(List.of("s3-bucket-server-side-encryption-enabled", "rds-storage-encrypted", "db-instance-backup-enabled",
            "ec2-imdsv2-check", "restricted-common-ports", "encrypted-volumes", "required-tags", "restricted-ssh"), ComplianceApp.ruleSet().getRuleNames());
        template.resourceCountIs("AWS::Config::ConfigRule", 8);
        template.hasResourceProperties("AWS::Config::ConfigRule", Map.of(
            "ConfigRuleName", "restricted-ssh-staging", "Source", Map.of("Owner", "AWS", "SourceIdentifier", "INCOMING_SSH_DISABLED")));
        template.hasResourceProperties("AWS::Config::ConfigRule", Map.of(
            "ConfigRuleName", "encrypted-volumes-staging", "Source", Map.of("Owner", "AWS", "SourceIdentifier", "ENCRYPTED_VOLUMES")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sevenRequiredTagsAreEvaluatedByTheEngineAsACustomRule() throws Exception {
        Map<String, Object> rule = properties("AWS::Config::ConfigRule", "ConfigRuleName", "required-tags-staging");
        assertEquals("CUSTOM_LAMBDA", ((Map<String, Object>) rule.get("Source")).get("Owner"));
        Map<String, Object> parameters = (Map<String, Object>) rule.get("InputParameters");
        assertEquals(7, parameters.keySet().stream().filter(key -> key.endsWith("Key")).count());
        assertTrue(parameters.containsValue("Backup"), () -> "tag keys: " + parameters);
        assertEquals("ENGINE", deployedRule("required-tags").get("evaluationMode"));
    }

    @Test
    void theAnalyzerReadsTheExemptionAndTheRemediatorApplies() throws Exception {
        Map<String, Object> ssh = deployedRule("restricted-ssh");
        assertEquals("-staging", rulesSetting().get("suffix"));
        assertEquals(true, ssh.get("autoRemediate"));
        // Exempt through 31 March 2027: it stops applying at the first instant of 1 April, UTC.
        assertEquals(List.of(Map.of("tag", Map.of("key", "compliance-exempt", "value", "bastion"),
            "reason", "RISK-42: bastion hosts", "expiresAt", "2027-04-01T00:00:00.000Z")), ssh.get("exemptions"));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
            "FunctionName", "compliance-remediator-staging",
            "Environment", Map.of("Variables", Match.objectLike(Map.of("REMEDIATION_MODE", "APPLY")))));
    }

    @Test
    void anExistingRecorderIsUsedAndRetentionAndTagsAreApplied() {
        template.resourceCountIs("AWS::Config::ConfigurationRecorder", 0);
        template.resourceCountIs("AWS::Config::DeliveryChannel", 0);
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
            "FunctionName", "compliance-analyzer-staging",
            "Environment", Map.of("Variables", Match.objectLike(Map.of("FINDINGS_TTL_DAYS", "120")))));
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
            "TableName", "compliance-findings-staging", "Tags", Match.arrayWith(List.of(Map.of("Key", "Team", "Value", "platform")))));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "platform@example.com"));
    }
}
