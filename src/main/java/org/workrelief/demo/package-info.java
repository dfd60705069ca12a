/**
 * 演示数据: the reference project (姜山镇) and one account per role, loaded only when the application
 * runs on its own embedded database (the README's run command), never on a configured server.
 */
package org.workrelief.demo;
