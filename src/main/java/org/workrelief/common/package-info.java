/**
 * Shared kernel: base entity, business-rule exceptions, the audit log, the clock, the database
 * bootstrap and the web frame (layout, errors, language). Every module may use all of it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.workrelief.common;
