/**
 * The employee feature's pages: the login page ({@code login.xhtml}), the Users list ({@code admin/users.xhtml}),
 * the User Card ({@code users/card.xhtml}) and the password change ({@code users/change-password.xhtml}), plus the
 * filter ({@code SignedInSessionFilter}) that ends sessions no longer valid and holds a user with a one-time password
 * on the change page. Thin view beans: every rule is in {@link org.contactsync.employee.UserService}. Texts: bundle
 * {@code userMsg}.
 */
package org.contactsync.employee.web;
