package org.contactsync.platform;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A message for a person, kept as a bundle key until the reader's language is known: the page resolves it in the
 * view's locale, the REST API in the request's Accept-Language.
 *
 * @param bundle base name of the feature's resource bundle, e.g. {@code org.contactsync.contact.web.messages}
 * @param key    the key in that bundle
 * @param args   {@link MessageFormat} arguments; an argument that is itself a {@code LocalizedMessage} is put in
 *               the same language (a field's caption inside a message about that field)
 */
public record LocalizedMessage(String bundle, String key, List<Object> args) {

    public LocalizedMessage {
        args = List.copyOf(args);
    }

    public static LocalizedMessage of(String bundle, String key, Object... args) {
        return new LocalizedMessage(bundle, key, List.of(args));
    }

    /** Marks a stored message, so that a text stored before messages were stored this way is shown as it is. */
    private static final String STORED_MARK = "msg:";
    /** Between the parts of a stored message: a control character no bundle name, key or number holds. */
    private static final String SEPARATOR = "\u001f";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    /**
     * This message as a column keeps it, to be put in the reader's language when shown ({@link #fromStored}); its
     * arguments must be whole numbers or texts (a separator character in a text becomes a space). A message as an
     * argument cannot be stored: store the parts one after the other instead ({@link #followedBy}).
     */
    public String stored() {
        var text = new StringBuilder(STORED_MARK).append(bundle).append(SEPARATOR).append(key);
        for (Object arg : args) {
            if (arg instanceof LocalizedMessage) {
                throw new IllegalArgumentException("A message cannot be stored as an argument: " + arg);
            }
            text.append(SEPARATOR).append(String.valueOf(arg).replace(SEPARATOR, " ").replace(PART_SEPARATOR, " "));
        }
        return text.toString();
    }

    /** Between the parts of a stored text ({@link #followedBy}): the record separator, which no part holds. */
    private static final String PART_SEPARATOR = "\u001e";

    /**
     * A stored text ({@link #stored()}, or plain text such as an English message stored before) followed by another,
     * to be shown one after the other ({@link #read}).
     */
    public static String followedBy(String storedText, String next) {
        return storedText + PART_SEPARATOR + next;
    }

    /**
     * A stored text in the reader's language: each part a stored message put in {@code locale}, or, where it is not
     * one (an English text stored before messages were stored), as it is; the parts joined by a space.
     */
    public static String read(String storedText, Locale locale) {
        return Arrays.stream(storedText.split(PART_SEPARATOR, -1))
                .map(part -> fromStored(part).map(message -> message.in(locale)).orElse(part))
                .collect(Collectors.joining(" "));
    }

    /** The parts of a stored text that are plain text, not stored messages (e.g. a sync run's technical error). */
    public static String plainParts(String storedText) {
        return Arrays.stream(storedText.split(PART_SEPARATOR, -1)).filter(part -> fromStored(part).isEmpty())
                .collect(Collectors.joining(" "));
    }

    /** The message {@link #stored()} made; empty for any other text (e.g. one stored before, in English). */
    public static Optional<LocalizedMessage> fromStored(String text) {
        if (!text.startsWith(STORED_MARK)) {
            return Optional.empty();
        }
        var parts = text.substring(STORED_MARK.length()).split(SEPARATOR, -1);
        if (parts.length < 2) {
            return Optional.empty();
        }
        var args = Arrays.stream(parts, 2, parts.length)
                .<Object>map(arg -> WHOLE_NUMBER.matcher(arg).matches() ? (Object) Long.valueOf(arg) : arg)
                .toList();
        return Optional.of(new LocalizedMessage(parts[0], parts[1], args));
    }

    public String in(Locale locale) {
        try {
            var pattern = ResourceBundle.getBundle(bundle, locale).getString(key);
            var localizedArgs = args.stream()
                    .map(arg -> arg instanceof LocalizedMessage message ? message.in(locale) : arg)
                    .toArray();
            return new MessageFormat(pattern, locale).format(localizedArgs);
        } catch (MissingResourceException e) {
            // A missing text must not hide the problem it describes: show the key itself.
            return key + " " + args;
        }
    }
}
