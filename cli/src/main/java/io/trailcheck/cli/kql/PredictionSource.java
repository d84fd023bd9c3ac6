package io.trailcheck.cli.kql;

/** Where the query finds the prediction's agents, channels and users. */
public sealed interface PredictionSource {
    /** In the query itself, as datatables. */
    record Inline() implements PredictionSource {}

    /** A Microsoft Sentinel watchlist uploaded from the {@link PredictionFile}; its search key is Key. */
    record Watchlist(String alias) implements PredictionSource {}

    /** The {@link PredictionFile} read with externaldata (for example an Azure Storage blob with a SAS token). */
    record ExternalData(String url) implements PredictionSource {}
}
