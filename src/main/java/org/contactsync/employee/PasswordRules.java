package org.contactsync.employee;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.contactsync.platform.FieldProblem;

/**
 * What a new password must be, after OWASP ASVS 4.0.3 section 2.1 (and NIST SP 800-63B 5.1.1.2): at least 12
 * characters (runs of spaces count as one, 2.1.1) and at most 128 (2.1.2); any printable Unicode, spaces and emoji
 * included (2.1.4), but no control characters (NUL, line breaks, tabs) and no broken UTF-16; no composition rules
 * (2.1.9); not the user name nor the name of this service; not a common password (2.1.7); typed the same way twice.
 * That it differs from the current password is checked by {@link UserService#changeOwnPassword}, which knows it.
 *
 * <p>The common passwords are the 30,000 most frequent ones of Mark Burnett's ten-million-password corpus as the
 * zxcvbn password strength estimator ships them (artifact {@code com.nulab-inc:zxcvbn}, MIT licence; its file
 * {@value #COMMON_PASSWORDS}). They are compared in lower case, and also with leading and trailing digits,
 * punctuation and spaces taken off, so that {@code Password123!} counts as {@code password}.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** Field names the change-password form and the API use. */
    public static final String NEW_PASSWORD = "newPassword";
    public static final String CONFIRMATION = "confirmPassword";

    static final String COMMON_PASSWORDS = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
    /** Words of this service that a guesser tries first (NIST: "context-specific words"). */
    private static final Set<String> SERVICE_WORDS = Set.of("contactsync", "contact sync", "contact-sync",
            "business central", "businesscentral", "outlook", "microsoft365", "microsoft 365");

    /** The longest pattern whose repetition counts as too easy to guess. */
    private static final int MAX_REPEATED_PATTERN = 4;
    /** Digits and letters in order, forwards and backwards, long enough to hold any allowed password. */
    private static final List<String> SEQUENCES = List.of(
            "0123456789".repeat(14), new StringBuilder("0123456789".repeat(14)).reverse().toString(),
            "abcdefghijklmnopqrstuvwxyz".repeat(6),
            new StringBuilder("abcdefghijklmnopqrstuvwxyz".repeat(6)).reverse().toString());

    private PasswordRules() {
    }

    public static List<FieldProblem> problems(String userName, String newPassword, String confirmation) {
        var problems = new ArrayList<FieldProblem>();
        var password = newPassword == null ? "" : newPassword;
        problem(userName, password).ifPresent(key -> problems.add(new FieldProblem(NEW_PASSWORD,
                UserMessages.of(key, key.equals("password.tooShort") ? MIN_LENGTH : MAX_LENGTH))));
        if (!password.equals(confirmation)) {
            problems.add(new FieldProblem(CONFIRMATION, UserMessages.of("password.confirmationDiffers")));
        }
        return problems;
    }

    /** The message key of the first rule the password breaks, if any. */
    private static Optional<String> problem(String userName, String password) {
        if (hasControlOrBrokenCharacters(password)) {
            return Optional.of("password.controlCharacters");
        }
        var spacesCombined = password.replaceAll(" {2,}", " ");
        int length = spacesCombined.codePointCount(0, spacesCombined.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        var lower = password.strip().toLowerCase(Locale.ROOT);
        var core = core(lower);
        var name = userName.strip().toLowerCase(Locale.ROOT);
        if (lower.equals(name) || core.equals(name)) {
            return Optional.of("password.isUserName");
        }
        if (isCommon(lower) || isCommon(core) || isPredictable(lower)) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }

    /** C0 and C1 controls (Unicode category Cc) and UTF-16 surrogates that do not form a pair. */
    private static boolean hasControlOrBrokenCharacters(String password) {
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isISOControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < password.length()
                    && Character.isLowSurrogate(password.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Repetition or a run of the alphabet or digits, which no list holds whole (NIST's "repetitive or sequential
     * characters"): "aaaaaaaaaaaa", "abcabcabcabc", "123456789012", "zyxwvutsrqpo".
     */
    private static boolean isPredictable(String lower) {
        for (int period = 1; period <= MAX_REPEATED_PATTERN; period++) {
            if (lower.length() > period && lower.substring(period).equals(lower.substring(0, lower.length() - period))) {
                return true;
            }
        }
        return SEQUENCES.stream().anyMatch(sequence -> sequence.contains(lower));
    }

    /** The password without leading and trailing digits, punctuation and spaces: "password" of "!password123". */
    private static String core(String lower) {
        return lower.replaceAll("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$", "");
    }

    private static boolean isCommon(String lower) {
        return SERVICE_WORDS.contains(lower) || CommonPasswords.LIST.contains(lower);
    }

    /** Loaded on first use, once. */
    private static final class CommonPasswords {

        static final Set<String> LIST = load();

        private static Set<String> load() {
            var stream = PasswordRules.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
            if (stream == null) {
                throw new IllegalStateException("The common passwords list " + COMMON_PASSWORDS + " is missing");
            }
            try (var lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                return lines.lines().map(String::strip).filter(l -> !l.isEmpty())
                        .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException("The common passwords list could not be read", e);
            }
        }
    }

    /** How many common passwords are known: for a test that the list is really there. */
    static int commonPasswordCount() {
        return CommonPasswords.LIST.size();
    }
}
