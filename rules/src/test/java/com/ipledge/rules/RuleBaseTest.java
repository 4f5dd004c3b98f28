package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleBaseTest {

    private static Path ruleDirectory() throws URISyntaxException {
        return Path.of(RuleBaseTest.class.getClassLoader().getResource("com/ipledge/rules/limits.drl").toURI()).getParent();
    }

    @Test
    void theVersionHashCoversExactlyTheDrlFilesOnTheClasspath() throws Exception {
        try (Stream<Path> files = Files.list(ruleDirectory())) {
            List<String> drl = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted()
                    .toList();
            assertEquals(CreditPolicy.DRL_FILES.stream().sorted().toList(), drl);
        }
        assertTrue(Policies.POLICY.ruleBaseVersion().matches("[0-9a-f]{64}"));
        assertEquals(Policies.POLICY.ruleBaseVersion(), CreditPolicy.load().ruleBaseVersion());
    }

    @Test
    void everyRuleInTheDrlFilesIsLoadedUnderItsStableId() throws Exception {
        List<String> declared = new ArrayList<>();
        Pattern rule = Pattern.compile("^rule \"([^\"]+)\"", Pattern.MULTILINE);
        for (String file : CreditPolicy.DRL_FILES) {
            Matcher m = rule.matcher(Files.readString(ruleDirectory().resolve(file), StandardCharsets.UTF_8));
            while (m.find()) {
                declared.add(m.group(1));
            }
        }
        assertEquals(declared.stream().sorted().toList(), Policies.POLICY.ruleIds());
        assertEquals(89, Policies.POLICY.ruleIds().size());
    }

    @Test
    void policyNumbersAreParametersNotLiteralsInDrl() throws IOException, URISyntaxException {
        // Only the rules' salience may be a number; every threshold, cap, rate and share comes from PolicyParameters.
        Pattern number = Pattern.compile("(?<![\\w.%\"-])\\d+(\\.\\d+)?(?![\\w\"])");
        for (String file : CreditPolicy.DRL_FILES) {
            for (String line : Files.readAllLines(ruleDirectory().resolve(file), StandardCharsets.UTF_8)) {
                String code = line.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("//.*", "");
                if (code.startsWith("rule ")) {
                    continue;
                }
                Matcher m = number.matcher(code.replace("signum() == 0", "").replace("length() == 0", "")
                        .replace("compareTo($c.minRemainingLife($a.type())) < 0", ""));
                assertTrue(!m.find(), () -> file + ": literal number in '" + line.trim() + "'");
            }
        }
    }
}
