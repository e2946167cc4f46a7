package nas.cli;

/** How results are printed: a table for people, CSV or JSON for programs. */
public enum OutputFormat {
    TABLE,
    CSV,
    JSON
}
