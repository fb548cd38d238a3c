package org.contactsync.contact;

import java.util.regex.Pattern;

/**
 * BC's Address and Address 2 ↔ Graph's one-string businessAddress.street: joined with CRLF (as Business Central's own
 * sync does), split back on the first line break of any style (Outlook on the web writes LF only). Line breaks after
 * the first become ", " because Address 2 is a single line.
 */
public final class StreetLines {

    private static final String LINE_BREAK = "\r\n";
    private static final Pattern ANY_LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private StreetLines() {
    }

    /** The Graph street for BC's two address lines; Address alone when Address 2 is empty. */
    public static String join(String address, String address2) {
        String first = address == null ? "" : address.strip();
        String second = address2 == null ? "" : address2.strip();
        return second.isEmpty() ? first : first + LINE_BREAK + second;
    }

    /** BC's Address and Address 2 for a Graph street. */
    public static Lines split(String street) {
        String[] parts = ANY_LINE_BREAK.split(street == null ? "" : street.strip(), 2);
        String rest = parts.length > 1 ? ANY_LINE_BREAK.matcher(parts[1].strip()).replaceAll(", ") : "";
        return new Lines(parts[0].strip(), rest);
    }

    /** The two BC address lines. */
    public record Lines(String address, String address2) {
    }
}
