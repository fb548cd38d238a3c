package org.contactsync.platform.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the user interface: the browser's preferred language picks English or Swedish, and the switch
 * in the header overrides it for the session and, through a cookie, for later visits.
 */
@Named
@SessionScoped
public class LocaleSelector implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String COOKIE = "contactsync-language";
    private static final Map<String, Locale> SUPPORTED = Map.of("en", Locale.ENGLISH, "sv", Locale.forLanguageTag("sv"));

    private String language;

    public String getLanguage() {
        if (language == null) {
            language = chosenLanguage(FacesContext.getCurrentInstance());
        }
        return language;
    }

    /** Anything but a supported language (also none: a postback without the field) keeps the current one. */
    public void setLanguage(String language) {
        if (language != null && SUPPORTED.containsKey(language)) {
            this.language = language;
        }
    }

    public Locale getLocale() {
        return SUPPORTED.get(getLanguage());
    }

    /** Remembers the choice for a year and applies it to the current view. */
    public void languageChanged() {
        var context = FacesContext.getCurrentInstance();
        context.getViewRoot().setLocale(getLocale());
        var cookie = new Cookie(COOKIE, getLanguage());
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setPath(context.getExternalContext().getRequestContextPath().isEmpty()
                ? "/" : context.getExternalContext().getRequestContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(context.getExternalContext().isSecure());
        cookie.setAttribute("SameSite", "Lax");
        ((HttpServletResponse) context.getExternalContext().getResponse()).addCookie(cookie);
    }

    private static String chosenLanguage(FacesContext context) {
        var external = context.getExternalContext();
        var cookie = (Cookie) external.getRequestCookieMap().get(COOKIE);
        if (cookie != null && SUPPORTED.containsKey(cookie.getValue())) {
            return cookie.getValue();
        }
        var preferred = external.getRequestLocales();
        while (preferred.hasNext()) {
            var candidate = preferred.next().getLanguage();
            if (SUPPORTED.containsKey(candidate)) {
                return candidate;
            }
        }
        return "en";
    }

}
