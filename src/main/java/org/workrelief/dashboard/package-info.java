/** 首页与看板: the signed-in home page; project and town dashboards grow here. */
package org.workrelief.dashboard;
