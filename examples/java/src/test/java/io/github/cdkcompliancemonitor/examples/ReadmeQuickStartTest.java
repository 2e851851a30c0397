package io.github.cdkcompliancemonitor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The README's Java quick start, read from the README, compiled and run as written: the README cannot drift. */
class ReadmeQuickStartTest {
    private static String quickStart() throws Exception {
        String readme = Files.readString(Paths.get(System.getProperty("readme.path")), StandardCharsets.UTF_8);
        String section = readme.split("## Quick start", 2)[1].split("\n## ", 2)[0];
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "the README's Quick start has no Java block");
        return block.group(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReadmeQuickStartSynthesizesTheMonitor(@TempDir final Path directory) throws Exception {
        String source = quickStart();
        Matcher className = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(className.find(), "the quick start declares a public class");
        Path file = directory.resolve(className.group(1) + ".java");
        Files.writeString(file, source);
        String classPath = System.getProperty("java.class.path");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-classpath", classPath, "-d", directory.toString(), file.toString()), "the quick start compiles");

        // In a JVM of its own, as a user runs an app: CDK_OUTDIR reaches the jsii runtime it starts.
        Path out = directory.resolve("cdk.out");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder run = new ProcessBuilder(java, "-cp", classPath + File.pathSeparator + directory, className.group(1)).inheritIO();
        run.environment().put("CDK_OUTDIR", out.toString());
        Process process = run.start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the quick start ends");
        assertEquals(0, process.exitValue(), "the quick start succeeds");

        Map<String, Object> json = new ObjectMapper().readValue(out.resolve("Compliance.template.json").toFile(), Map.class);
        Template template = Template.fromJSON(json);
        template.resourceCountIs("AWS::Config::ConfigRule", 8);
        template.resourceCountIs("AWS::Config::ConfigurationRecorder", 1);
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "secops@example.com"));
        for (String purpose : new String[] {"analyzer", "aggregator", "remediator"}) {
            template.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "compliance-" + purpose + "-prod"));
        }
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "compliance-findings-prod"));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
            "FunctionName", "compliance-remediator-prod",
            "Environment", Map.of("Variables", Match.objectLike(Map.of("REMEDIATION_MODE", "DRY_RUN")))));
    }
}
