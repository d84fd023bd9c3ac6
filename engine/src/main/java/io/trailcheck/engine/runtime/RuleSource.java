package io.trailcheck.engine.runtime;

import java.nio.file.Path;

/**
 * The text of one DRL file.
 *
 * @param path    where it comes from (a file, or a classpath resource name), for messages
 * @param drl     the rule text
 * @param builtIn whether it belongs to trailcheck's own pack
 */
public record RuleSource(Path path, String drl, boolean builtIn) {}
