/**
 * 务工群众 and 务工登记: the real-name worker registry (ID and bank numbers encrypted, shown masked),
 * enrollment on a project and team with labour contract and accident insurance, roster import and
 * export, printable worker cards.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "team", "project", "account", "common" })
package org.workrelief.worker;
