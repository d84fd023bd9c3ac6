package io.trailcheck.model;

/**
 * One entry of the policy's channel catalogue, inserted as a fact so that rules join on it.
 *
 * @param key     the channel id in lower case
 * @param logging how the policy classifies it
 */
public record ChannelClass(String key, ChannelLogging logging) {
}
