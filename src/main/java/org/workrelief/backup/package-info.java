/**
 * 数据备份与恢复: the whole database (every table of the public schema, one consistent snapshot) in one archive
 * file, written through the server itself with {@code COPY ... TO STDOUT} (the embedded PostgreSQL has no
 * {@code pg_dump}); nightly into the backup folder and on demand for the county's administrator; restored
 * into an empty database by {@code --workrelief.restore=<file>} ({@link org.workrelief.backup.Restore}).
 * The data key is never in an archive: both are needed to restore.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "common" })
package org.workrelief.backup;
