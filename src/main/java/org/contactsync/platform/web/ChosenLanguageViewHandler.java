package org.contactsync.platform.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Gives every view the language the person chose (the EN/SV switch, its cookie, or the browser's preference: {@link
 * LocaleSelector}) from the moment the view is made. The layout's {@code f:view locale} alone applies only when the
 * page renders, so messages made before that (a view action that refuses {@code ?id=999}, a query parameter that is
 * not a number) came out in the browser's language instead of the chosen one.
 */
public class ChosenLanguageViewHandler extends ViewHandlerWrapper {

    public ChosenLanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return CDI.current().select(LocaleSelector.class).get().getLocale();
    }
}
