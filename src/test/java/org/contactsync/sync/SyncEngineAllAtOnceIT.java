package org.contactsync.sync;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@link SyncEngineIT} scenario on a sandbox whose Graph hands all of a parallel batch's items to Exchange at
 * once, so that items past the mailbox's four concurrent get 429 MailboxConcurrency (community reports; the
 * documented behaviour, four at a time, is {@link SyncEngineIT}'s).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncEngineAllAtOnceIT extends SyncEngineIT {

    @Override
    String parallelDispatch() {
        return "ALL_AT_ONCE";
    }
}
