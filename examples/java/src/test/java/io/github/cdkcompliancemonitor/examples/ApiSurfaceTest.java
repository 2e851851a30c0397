package io.github.cdkcompliancemonitor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.cdkcompliancemonitor.BuiltInRuleOptions;
import io.github.cdkcompliancemonitor.ComplianceMonitor;
import io.github.cdkcompliancemonitor.ComplianceRule;
import io.github.cdkcompliancemonitor.CustomRuleOptions;
import io.github.cdkcompliancemonitor.DesiredInstanceTypesOptions;
import io.github.cdkcompliancemonitor.EncryptedVolumesOptions;
import io.github.cdkcompliancemonitor.Exemption;
import io.github.cdkcompliancemonitor.ExemptionOptions;
import io.github.cdkcompliancemonitor.FunctionOptions;
import io.github.cdkcompliancemonitor.ManagedRuleOptions;
import io.github.cdkcompliancemonitor.RestrictedCommonPortsOptions;
import io.github.cdkcompliancemonitor.RuleSet;
import io.github.cdkcompliancemonitor.RuleTrigger;
import io.github.cdkcompliancemonitor.S3DefaultEncryptionKmsOptions;
import io.github.cdkcompliancemonitor.SecurityGroupAuthorizedPortsOptions;
import io.github.cdkcompliancemonitor.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.config.MaximumExecutionFrequency;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/**
 * The API's factories, option builders and members, called from Java: jsii breaks where TypeScript
 * does not (builders of structs, enum-like classes with static factories, maps and lists of
 * constructs), and each of these would show it.
 */
class ApiSurfaceTest {
    private static ComplianceMonitor monitor(final Stack stack) {
        Function evaluator = Function.Builder.create(stack, "OwnEvaluator")
            .runtime(Runtime.PYTHON_3_12)
            .handler("index.handler")
            .code(Code.fromInline("def handler(event, context):\n    return None\n"))
            .build();
        RuleSet rules = RuleSet.of(
            ComplianceRule.s3DefaultEncryptionKms(S3DefaultEncryptionKmsOptions.builder().kmsKeyArns(List.of()).build()),
            ComplianceRule.desiredInstanceTypes(DesiredInstanceTypesOptions.builder().instanceTypes(List.of("t3.micro", "m5.large")).build()),
            ComplianceRule.restrictedCommonPorts(RestrictedCommonPortsOptions.builder().blockedPorts(List.of(22, 3389)).build()),
            ComplianceRule.securityGroupAuthorizedPorts(SecurityGroupAuthorizedPortsOptions.builder().tcp(List.of("443", "8080-8090")).udp(List.of()).build()),
            ComplianceRule.encryptedVolumes(EncryptedVolumesOptions.builder().kmsId("alias/ebs").severity(Severity.CRITICAL).build()),
            ComplianceRule.managed("S3_BUCKET_PUBLIC_READ_PROHIBITED", ManagedRuleOptions.builder()
                .ruleName("s3-public-read")
                .trigger(RuleTrigger.configurationChangesAndPeriodic(MaximumExecutionFrequency.SIX_HOURS))
                .severity(Severity.HIGH)
                .build()),
            ComplianceRule.custom(CustomRuleOptions.builder()
                .ruleName("own-rule")
                .lambdaFunction(evaluator)
                .resourceTypes(List.of("AWS::S3::Bucket"))
                .trigger(RuleTrigger.periodic(MaximumExecutionFrequency.TWENTY_FOUR_HOURS))
                .exemptions(List.of(Exemption.ofResources(List.of("legacy-bucket"), ExemptionOptions.builder().reason("RISK-7: kept until 2027").build())))
                .build()),
            ComplianceRule.builtIn("required-tags", BuiltInRuleOptions.builder().parameters(Map.of("tag1Key", "Owner")).build()));
        return ComplianceMonitor.Builder.create(stack, "Monitor")
            .environmentSuffix("surface")
            .alertEmails(List.of("secops@example.com"))
            .rules(rules)
            .functions(FunctionOptions.builder().memorySize(512).architecture(Architecture.X86_64).build())
            .build();
    }

    @Test
    void eachFactoryGivesItsRuleWithItsParameters() {
        assertEquals("desired-instance-type", ComplianceRule.desiredInstanceTypes(
            DesiredInstanceTypesOptions.builder().instanceTypes(List.of("t3.micro")).build()).getRuleName());
        assertEquals(Map.of("authorizedTcpPorts", "443"), ComplianceRule.securityGroupAuthorizedPorts(
            SecurityGroupAuthorizedPortsOptions.builder().tcp(List.of("443")).udp(List.of()).build()).getParameters());
        assertEquals(Severity.CRITICAL, ComplianceRule.restrictedSsh().getSeverity());
        assertFalse(RuleTrigger.periodic(MaximumExecutionFrequency.SIX_HOURS).getOnConfigurationChange());
    }

    @Test
    void theManagedCustomAndBuiltInRulesDeployAsGiven() {
        Stack stack = new Stack(new App(), "Surface");
        monitor(stack);
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::Config::ConfigRule", 8);
        template.hasResourceProperties("AWS::Config::ConfigRule", Map.of(
            "ConfigRuleName", "s3-public-read-surface",
            "MaximumExecutionFrequency", "Six_Hours",
            "Source", Map.of("Owner", "AWS", "SourceIdentifier", "S3_BUCKET_PUBLIC_READ_PROHIBITED")));
        template.hasResourceProperties("AWS::Config::ConfigRule", Map.of(
            "ConfigRuleName", "own-rule-surface",
            "Scope", Map.of("ComplianceResourceTypes", List.of("AWS::S3::Bucket")),
            "Source", Match.objectLike(Map.of("Owner", "CUSTOM_LAMBDA",
                "SourceIdentifier", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^OwnEvaluator"), "Arn"))))));
        template.hasResourceProperties("AWS::Config::ConfigRule", Map.of(
            "ConfigRuleName", "vpc-sg-open-only-to-authorized-ports-surface", "InputParameters", Map.of("authorizedTcpPorts", "443,8080-8090")));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
            "FunctionName", "compliance-analyzer-surface", "MemorySize", 512, "Architectures", List.of("x86_64")));
    }

    @Test
    void theMonitorExposesItsResourcesToJava() {
        Stack stack = new Stack(new App(), "Surface");
        ComplianceMonitor monitor = monitor(stack);
        assertEquals(new TreeSet<>(monitor.getRuleSet().getRuleNames()), new TreeSet<>(monitor.getConfigRules().keySet()));
        assertEquals(new TreeSet<>(List.of("aggregator", "analyzer", "remediator")), new TreeSet<>(monitor.getLogGroups().keySet()));
        assertFalse(monitor.getAlarms().isEmpty());
        assertNotNull(monitor.getConfigBucket());
        Role reader = Role.Builder.create(stack, "Reader").assumedBy(new AccountRootPrincipal()).build();
        monitor.getFindingsTable().grantReadData(reader);
        monitor.getConfigRules().get("own-rule").onComplianceChange("OwnRuleChanged");
        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::Events::Rule", Map.of("EventPattern", Match.objectLike(Map.of(
            "detail", Match.objectLike(Map.of("configRuleName", List.of(Map.of("Ref", Match.stringLikeRegexp("^MonitorRuleownrule")))))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
            "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^Reader"))),
            "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Action", Match.arrayWith(List.of("dynamodb:GetItem"))))))))));
    }
}
