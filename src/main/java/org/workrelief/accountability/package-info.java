/**
 * 审计查询: administrators and the supervision committee browse the append-only audit log (rule 10),
 * filtered by project, record, user and date, with each change's before and after. Read-only: no
 * part of the product changes or deletes an audit record (the table refuses it too).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "project", "account", "common" })
package org.workrelief.accountability;
