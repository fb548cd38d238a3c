package org.contactsync.exchange.web;

import java.util.Locale;
import java.util.Optional;
import org.contactsync.exchange.ExchangeMessages;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.exchange.MailboxAlertRule;
import org.contactsync.platform.web.ViewerTime;

/**
 * An employee's mailbox alert in plain words, in the reader's language: how often the sync failed in a row, what
 * the last failure means (a Microsoft Graph failure as Test connection names it, else the run's own message), and
 * whether background synchronization is paused. Mailbox Alerts and Contact Sync Setup both show it.
 */
final class MailboxAlertText {

    private MailboxAlertText() {
    }

    /** The alert, when the setup has one: failures in a row past the rule's limit, or a pause. */
    static Optional<String> of(ExchangeSync setup, MailboxAlertRule rule, ViewerTime times, Locale locale) {
        boolean alerting = rule.alerts(setup.getFailuresInARow());
        if (!alerting && setup.backgroundPausedAt().isEmpty()) {
            return Optional.empty();
        }
        var text = new StringBuilder();
        if (alerting) {
            text.append(ExchangeMessages.of("alert.failures", setup.getFailuresInARow(),
                    times.format(setup.lastFailureAt())).in(locale)).append(' ').append(lastError(setup, locale));
        }
        setup.backgroundPausedAt().ifPresent(at -> text.append(text.isEmpty() ? "" : " ")
                .append(ExchangeMessages.of("alert.paused", times.format(at),
                        setup.backgroundPausedAfter().orElse(rule.pauseAfter())).in(locale)));
        return Optional.of(text.toString());
    }

    /** The last failure in plain words, with the run's own message as the technical detail. */
    static String lastError(ExchangeSync setup, Locale locale) {
        String message = setup.lastFailureMessage().orElse("");
        return setup.lastFailureKind()
                .map(kind -> ExchangeMessages.of("check." + kind).in(locale) + " "
                        + ExchangeMessages.of("connection.technicalDetail", message).in(locale))
                .orElseGet(() -> ExchangeMessages.of("alert.otherFailure", message).in(locale));
    }
}
