package org.contactsync.exchange;

/**
 * What an employee sets on the Contact Sync Setup page: the Outlook folder name, the contact filter, Enable
 * Background Synchronization and "keep in Outlook, stop syncing" for contacts that leave the sync.
 */
public record ContactSyncSettings(String folderName, SyncFilter filter, boolean backgroundSyncEnabled,
                                  boolean keepInOutlook) {

    public ContactSyncSettings {
        folderName = folderName == null ? "" : folderName.strip();
        filter = filter == null ? SyncFilter.NONE : filter;
    }
}
