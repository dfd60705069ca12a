/**
 * Users, roles, towns (the scope of every user's data), sign-in with lock-out, password policy and
 * the security configuration. Other modules ask {@link org.workrelief.account.SignedInUser} what
 * the current user may see.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common" })
package org.workrelief.account;
