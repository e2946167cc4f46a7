/**
 * A study's trials as a table: the columns of Optuna's {@code trials_dataframe} ({@link nas.api.export.TrialTable}),
 * written as CSV ({@link nas.api.export.Csv}) or JSON, streamed from storage a page at a time. {@code nas trials
 * --format csv|json} prints exactly what these classes write.
 */
package nas.api.export;
