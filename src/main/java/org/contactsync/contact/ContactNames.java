package org.contactsync.contact;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Business Central's person-name rules: {@code CalculatedName} builds Name from First, Middle Name and Surname;
 * {@code NameBreakdown} splits a Name typed for a person (last word → Surname, second-to-last → Middle Name when
 * there are three or more words, the rest → First Name).
 */
public final class ContactNames {

    /** The parts of a person's name. */
    public record PersonName(String firstName, String middleName, String surname) {
    }

    private ContactNames() {
    }

    public static String calculatedName(String firstName, String middleName, String surname) {
        return Stream.of(firstName, middleName, surname)
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
    }

    public static PersonName breakdown(String name) {
        var words = name.strip().split("\\s+");
        if (name.isBlank()) {
            return new PersonName("", "", "");
        }
        if (words.length == 1) {
            return new PersonName("", "", words[0]);
        }
        var surname = words[words.length - 1];
        var middle = words.length >= 3 ? words[words.length - 2] : "";
        var firstWords = words.length >= 3 ? words.length - 2 : words.length - 1;
        var first = String.join(" ", Arrays.copyOf(words, firstWords));
        return new PersonName(first, middle, surname);
    }
}
