/** 班组: a project's work teams by skill, each with its day rate and leader. */
package org.workrelief.team;
