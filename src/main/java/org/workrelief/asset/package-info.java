/**
 * 资产移交、折股量化、分红与运营期就业: the finished assets handed to the village collective and
 * converted to shares with a guaranteed yearly dividend, the dividends received (a year below the
 * guarantee is flagged) and their split among households to the fen, and the jobs kept after completion.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "project", "account", "common" })
package org.workrelief.asset;
