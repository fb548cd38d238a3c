package org.contactsync.employee.security;

import jakarta.security.enterprise.credential.AbstractClearableCredential;

/** A user name with a web service access key, as an API client sends it with HTTP Basic. */
public final class AccessKeyCredential extends AbstractClearableCredential {

    private final String userName;
    private String accessKey;

    public AccessKeyCredential(String userName, String accessKey) {
        this.userName = userName;
        this.accessKey = accessKey;
    }

    public String userName() {
        return userName;
    }

    public String accessKey() {
        return accessKey;
    }

    @Override
    protected void clearCredential() {
        accessKey = "";
    }
}
