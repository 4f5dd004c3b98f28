package com.ipledge.service.bureau;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses passwords that length alone lets through but a guesser tries first: too few different characters
 * ({@code aaaaaaaaaaaa}), a short unit repeated, runs of consecutive letters, digits or keys
 * ({@code abcdefghijkl}, {@code qwertyuiop12}), one of the most common passwords dressed up with case, digits,
 * symbols or look-alike characters ({@code P@ssw0rd2024!}), and ones built on the user's or the service's name.
 */
final class WeakPasswords {
    private static final int MIN_DISTINCT = 5;
    /** What must be left once runs of three or more consecutive characters are taken out. */
    private static final int MIN_LEFT_AFTER_RUNS = 4;
    private static final String[] SEQUENCES = {"abcdefghijklmnopqrstuvwxyz", "01234567890",
        "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"};
    /** The service's own names: the first words a guesser tries against its sign-in. */
    private static final Set<String> SERVICE_NAMES = Set.of("ipledge", "pledge", "bureau");
    /** The most common passwords (public breach lists) as letters, after case, digits and look-alikes are undone. */
    private static final Set<String> COMMON = Set.of(
            "password", "passwords", "passwort", "pass", "qwerty", "letmein", "welcome", "admin", "administrator",
            "iloveyou", "monkey", "dragon", "football", "baseball", "basketball", "soccer", "hockey", "sunshine",
            "princess", "master", "shadow", "superman", "batman", "trustno", "login", "changeme", "secret",
            "starwars", "whatever", "freedom", "hello", "helloworld", "charlie", "michael", "jennifer", "jordan",
            "hunter", "ranger", "buster", "killer", "george", "summer", "winter", "spring", "autumn", "computer",
            "internet", "test", "tester", "testing", "guest", "default", "root", "user", "username", "china",
            "beijing", "shanghai", "woaini", "iloveu", "nihao", "aini", "qazwsx", "zaqxsw", "asdfgh", "zxcvbn",
            "abc", "abcd", "qwer", "asdf", "mustang", "access", "flower", "cheese", "pokemon", "matrix", "lovely",
            "loveme", "love", "angel", "baby", "babygirl", "jesus", "chocolate", "cookie", "purple", "orange",
            "banana", "tigger", "pepper", "ginger", "michelle", "daniel", "thomas", "robert", "ashley", "nicole",
            "samsung", "google", "apple", "microsoft", "linux", "oracle", "database", "security", "system",
            "manager", "company", "bank", "money", "qwertyuiop", "passpass", "mypassword", "newpassword",
            "nopassword", "yourpassword", "thepassword", "secretpassword", "opensesame");

    private WeakPasswords() {
    }

    /** Why {@code password} is too easy to guess, or empty when it is not. */
    static Optional<String> weakness(String password, String username) {
        String lower = password.toLowerCase(Locale.ROOT);
        String compact = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        if (compact.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of("uses too few different letters and digits");
        }
        if (repeated(compact)) {
            return Optional.of("repeats a short sequence");
        }
        if (withoutRuns(compact).length() < MIN_LEFT_AFTER_RUNS) {
            return Optional.of("is mostly runs of consecutive letters, digits or keys");
        }
        String base = lookAlikes(lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "")).replaceAll("[^\\p{L}]", "");
        if (COMMON.contains(base) || COMMON.contains(compact) || (repeated(base) && COMMON.contains(unit(base)))) {
            return Optional.of("is one of the most common passwords");
        }
        for (String name : names(username)) {
            if (compact.contains(name) || base.contains(name)) {
                return Optional.of("contains the user name or the service's name");
            }
        }
        return Optional.empty();
    }

    private static Set<String> names(String username) {
        String user = username == null ? "" : username.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        Set<String> names = new HashSet<>(SERVICE_NAMES);
        if (user.length() >= 4) { // a shorter name is a syllable of many a good passphrase
            names.add(user);
        }
        return names;
    }

    private static boolean repeated(String s) {
        return !s.isEmpty() && unit(s).length() <= s.length() / 2;
    }

    /** The shortest unit {@code s} is a repetition of ({@code s} itself when none). */
    private static String unit(String s) {
        for (int n = 1; n <= s.length() / 2; n++) {
            if (s.length() % n == 0 && s.substring(0, n).repeat(s.length() / n).equals(s)) {
                return s.substring(0, n);
            }
        }
        return s;
    }

    /** {@code s} less its runs of three or more characters that follow each other in a sequence, either way. */
    private static String withoutRuns(String s) {
        StringBuilder left = new StringBuilder();
        int start = 0;
        for (int i = 1; i <= s.length(); i++) {
            if (i == s.length() || !adjacent(s.charAt(i - 1), s.charAt(i))) {
                if (i - start < 3) {
                    left.append(s, start, i);
                }
                start = i;
            }
        }
        return left.toString();
    }

    private static boolean adjacent(char a, char b) {
        for (String seq : SEQUENCES) {
            String pair = new String(new char[] {a, b});
            String reversed = new String(new char[] {b, a});
            if (seq.contains(pair) || seq.contains(reversed)) {
                return true;
            }
        }
        return false;
    }

    private static String lookAlikes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(switch (c) {
                case '@', '4' -> 'a';
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '$', '5' -> 's';
                case '7', '+' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }
}
