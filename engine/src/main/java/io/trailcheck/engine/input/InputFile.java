package io.trailcheck.engine.input;

import java.nio.file.Path;

/**
 * A recognised input and what was read from it.
 *
 * @param file    the file
 * @param kind    what it was read as
 * @param records how many records (agents, users, groups, SKUs, members, settings) it held
 */
public record InputFile(Path file, InputKind kind, int records) {}
