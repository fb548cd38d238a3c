package org.contactsync.platform;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

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
