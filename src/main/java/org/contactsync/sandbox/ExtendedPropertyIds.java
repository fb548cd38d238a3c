package org.contactsync.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single-value extended property ids ({@code {type} {guid} Name {name}}, {@code {type} {guid} Id 0x…} or
 * {@code {type} 0x…}; api-reference/v1.0/resources/extended-properties-overview.md) in the spelling Graph answers
 * with, whatever spelling the client sent: the type as Graph names it, the GUID in lower case, the hex id in lower case
 * without leading zeros (Graph returns {@code Integer {11000e07-b51b-40d6-af21-caa85edab1d0} Id 0x27} for a property
 * set as {@code Integer {11000E07-B51B-40D6-AF21-CAA85EDAB1D0} Id 0x0027}, community-reported). The Name part is kept
 * as sent: it is the one case-sensitive part (singlevaluelegacyextendedproperty-get.md: "Filtering the string name
 * (Name) in the id of an extended property is case-sensitive"). Two ids name the same property when their
 * canonical spellings are equal.
 */
final class ExtendedPropertyIds {

    private static final Map<String, String> TYPES = types("String", "Integer", "Boolean", "Long", "Double", "Float",
            "SystemTime", "Binary", "CLSID", "Short", "Currency", "ApplicationTime");
    private static final Pattern ID = Pattern.compile("(?i)\\s*(\\w+)\\s+(?:\\{([0-9a-f-]{36})\\}\\s+"
            + "(?:Name\\s+(\\S.*?)|Id\\s+0x([0-9a-f]{1,4}))|0x([0-9a-f]{4,8}))\\s*");

    private ExtendedPropertyIds() {
    }

    /** The id as Graph spells it, or empty when it is not a valid extended property id. */
    static Optional<String> canonical(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches() || !TYPES.containsKey(m.group(1))) {
            return Optional.empty();
        }
        String type = TYPES.get(m.group(1));
        if (m.group(5) != null) {
            return Optional.of(type + " " + hex(m.group(5)));
        }
        String guid = "{" + m.group(2).toLowerCase(Locale.ROOT) + "}";
        return Optional.of(m.group(3) != null ? type + " " + guid + " Name " + m.group(3)
                : type + " " + guid + " Id " + hex(m.group(4)));
    }

    /** The canonical spelling when the id is valid; else the id as given, which then matches nothing stored. */
    static String canonicalOrAsGiven(String id) {
        return canonical(id).orElse(id);
    }

    private static String hex(String digits) {
        return "0x" + Integer.toHexString(Integer.parseUnsignedInt(digits, 16));
    }

    private static Map<String, String> types(String... names) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : names) {
            byName.put(name, name);
        }
        return byName;
    }
}
