package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /admin/users} refuses passwords that pass the length rule but are guessed first (trivial, repeated,
 * sequences of letters, digits or keys, common passwords dressed up, the user's or the service's name): 400 naming
 * {@code password}, and nothing created; passphrases still go through.
 */
@MicronautTest(transactional = false)
class WeakPasswordTest extends ApiTestBase {
    private static final String USER = "risk.wang";
    private static final List<String> WEAK = List.of(
            "aaaaaaaaaaaa", "111111111111", "abababababab", "abcabcabcabc", "abcdefghijkl", "lkjihgfedcba",
            "123456789012", "987654321098", "qwertyuiop12", "qwertyuiopasdf", "asdfghjkl;'1", "zxcvbnm12345",
            "abc123def456", "1qaz2wsx3edc", "qazwsxedcrfv", "passwordpassword", "password1234", "Password2024!",
            "P@ssw0rd2024!", "iloveyou1234", "welcome12345", "letmein12345", "Admin@123456", "changeme2024",
            "woaini520131", "ipledge2024!!", "Bureau-Pledge-99", "IPLEDGE-IPLEDGE", "risk.wang.2024x",
            "RiskWang!2024", "            ");
    private static final List<String> STRONG = List.of("correct horse battery", "Correct-Horse-Battery-9",
            "a long passphrase 1", "another passphrase", "Tr0ub4dor&3xyz", "lanzhou noodles at dawn",
            "我的密码是一二三四五六七");

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @Test
    void commonAndTrivialPasswordsAreRefusedNamingTheField() {
        List<String> failures = new ArrayList<>();
        for (String password : WEAK) {
            Answer a = post("/api/v1/admin/users", Map.of("username", USER, "password", password, "role", "BUREAU"),
                    ADMIN_KEY);
            if (a.status() != 400 || !a.errorFields().equals(List.of("password"))) {
                failures.add("[" + password + "] -> " + a);
            }
        }
        int n = 0;
        for (String password : STRONG) {
            Answer a = post("/api/v1/admin/users", Map.of("username", "strong.user" + n++, "password", password,
                    "role", "BUREAU"), ADMIN_KEY);
            if (a.status() != 201) {
                failures.add("strong [" + password + "] -> " + a);
            }
        }
        assertTrue(failures.isEmpty(), (WEAK.size() + STRONG.size()) + " probes, failed: " + failures);
    }
}
