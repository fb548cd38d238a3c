package org.contactsync.employee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.contactsync.platform.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP ASVS 2.1: length, no composition rules, not the user name, not common, no control characters. */
class PasswordRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"twelve chars", "correct horse battery staple", "ALLCAPSNODIGITS", "123 kullerbytta",
            "blåbärssoppa i skogen", "пароль для входа", "密码很长很长很长很长很长很长", "🐘🦒🦓 on the savannah",
            "a  b  c  d  e  f  g"})
    void anyTwelveCharactersOfAnyKindWithoutCompositionRules(String password) {
        assertEquals(List.of(), PasswordRules.problems("alice", password, password), password);
    }

    @Test
    void theDemoUsersPasswordsPass() {
        for (var user : DemoUsers.USERS) {
            assertEquals(List.of(), PasswordRules.problems(user.details().userName(), user.password(), user.password()),
                    user.details().userName());
        }
    }

    @Test
    void refusesFewerThanTwelveCharactersCountingRunsOfSpacesOnce() {
        assertEquals("The password must have at least 12 characters.", onlyProblem("alice", "eleven char"));
        assertEquals("The password must have at least 12 characters.", onlyProblem("alice", "          "),
                "ten spaces");
        assertEquals("The password must have at least 12 characters.", onlyProblem("alice", "a b      c d e f"),
                "spaces combined: 11");
        assertEquals("The password must have at least 12 characters.", onlyProblem("alice", "🐘🐘🐘🐘🐘🐘"),
                "six emoji are six characters, not twelve UTF-16 units");
    }

    @Test
    void refusesMoreThan128Characters() {
        var longest = "correct horse battery staple ".repeat(5).substring(0, 128);
        assertEquals(List.of(), PasswordRules.problems("alice", longest, longest), "128");
        var tooLong = longest + "e";
        assertEquals("The password can have at most 128 characters.", onlyProblem("alice", tooLong));
    }

    @ParameterizedTest
    @ValueSource(strings = {"twelve chars\u0000", "twelve\nchars!", "twelve\tchars!", "twelve chars\r", "twelve\u007Fchars",
            "twelve\u0085chars", "twelve chars\uD83D", "twelve \uDE00 chars"})
    void refusesControlCharactersAndBrokenUtf16(String password) {
        assertEquals("The password cannot contain control characters such as a line break, a tab or NUL.",
                onlyProblem("alice", password));
    }

    @Test
    void refusesTheUserNameInAnyCaseAlsoWithDigitsAround() {
        assertEquals("The password cannot be your user name.", onlyProblem("alice.andersson", "Alice.Andersson"));
        assertEquals("The password cannot be your user name.", onlyProblem("alice.andersson", " alice.andersson1 "));
        assertEquals("The password cannot be your user name.", onlyProblem("alice", "alice12345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password1234", "password1234!", "qwertyuiop12", "1qaz2wsx3edc",
            "123456789012", "iloveyou2026", "aaaaaaaaaaaa", "ZZZZZZZZZZZZZZZZ", "abcabcabcabc", "9876543210987",
            "mnopqrstuvwxyz", "ContactSync2026", "outlook12345"})
    void refusesCommonPasswordsAndTheirVariantsWithDigitsOrSymbolsAround(String password) {
        assertEquals("This password is too common or too easy to guess. Choose another, for example a few unrelated "
                + "words.", onlyProblem("alice", password));
    }

    @Test
    void theCommonPasswordsListIsShippedWhole() {
        assertTrue(PasswordRules.commonPasswordCount() >= 29_000, "zxcvbn's 30,000, less duplicates");
    }

    @Test
    void refusesAConfirmationThatDiffers() {
        var problems = PasswordRules.problems("alice", "a long password", "a long passwort");

        assertEquals(List.of(PasswordRules.CONFIRMATION), fields(problems));
    }

    @Test
    void reportsEveryProblemAtOnceAndInSwedish() {
        var problems = PasswordRules.problems("alice", "short", "");

        assertEquals(List.of(PasswordRules.NEW_PASSWORD, PasswordRules.CONFIRMATION), fields(problems));
        assertEquals("Lösenordet måste ha minst 12 tecken.", problems.get(0).message().in(Locale.forLanguageTag("sv")));
        assertEquals("Lösenordet är för vanligt eller för lätt att gissa. Välj ett annat, till exempel några "
                + "orelaterade ord.", PasswordRules.problems("alice", "password1234", "password1234").get(0).message()
                .in(Locale.forLanguageTag("sv")));
    }

    @Test
    void aMissingPasswordIsTooShort() {
        assertEquals(List.of(PasswordRules.NEW_PASSWORD, PasswordRules.CONFIRMATION),
                fields(PasswordRules.problems("alice", null, "x")));
    }

    private static String onlyProblem(String userName, String password) {
        var problems = PasswordRules.problems(userName, password, password);
        assertEquals(List.of(PasswordRules.NEW_PASSWORD), fields(problems), password);
        return problems.get(0).message().in(Locale.ENGLISH);
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }
}
