package org.contactsync.employee;

/**
 * What every page request of a signed-in user checks, read in one lookup: the session generation a valid session
 * holds ({@link User#getSessionGeneration()}), and whether the password must be changed before anything else.
 */
public record SignInState(long sessionGeneration, boolean mustChangePassword) {
}
