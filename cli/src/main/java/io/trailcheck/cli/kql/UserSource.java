package io.trailcheck.cli.kql;

/** Where the query finds the users whose conversations leave no record. */
public sealed interface UserSource {
    /** In the query itself, as a datatable. */
    record Inline() implements UserSource {}

    /** A Microsoft Sentinel watchlist uploaded from the users file; its SearchKey is UserKey. */
    record Watchlist(String alias) implements UserSource {}

    /** A CSV file the query reads with externaldata (for example an Azure Storage blob with a SAS token). */
    record ExternalData(String url) implements UserSource {}
}
