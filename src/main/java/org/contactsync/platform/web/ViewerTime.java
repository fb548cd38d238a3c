package org.contactsync.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way pages show a date-time: in the viewer's language and in the viewer's time zone, as Business Central
 * shows times in the user's own zone. The browser reports its zone in a cookie (resources/js/time-zone.js, loaded by
 * the sign-in page and the layout); without one, or with one that names no zone, the server's zone is used.
 */
@Named("times")
@RequestScoped
public class ViewerTime {

    static final String COOKIE = "contactsync-time-zone";

    private ZoneId zone;

    public String format(Instant instant) {
        return format(instant, FacesContext.getCurrentInstance().getViewRoot().getLocale(), getZone());
    }

    public String format(Optional<Instant> instant) {
        return instant.map(this::format).orElse("");
    }

    public ZoneId getZone() {
        if (zone == null) {
            var cookie = (Cookie) FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap().get(COOKIE);
            zone = zoneOf(Optional.ofNullable(cookie).map(Cookie::getValue)).orElse(ZoneId.systemDefault());
        }
        return zone;
    }

    static String format(Instant instant, Locale locale, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone)
                .format(instant);
    }

    /** A region id such as Europe/Stockholm as the browser reports it; anything else names no zone. */
    static Optional<ZoneId> zoneOf(Optional<String> cookieValue) {
        return cookieValue.flatMap(value -> {
            try {
                return Optional.of(ZoneId.of(URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } catch (DateTimeException | IllegalArgumentException notAZone) {
                return Optional.empty();
            }
        });
    }
}
