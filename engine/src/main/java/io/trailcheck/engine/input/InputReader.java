package io.trailcheck.engine.input;

import java.nio.file.Path;

/** Reads one kind of export file into the intake; reports problems there and returns the record count. */
interface InputReader {
    int read(Path file, Intake intake);
}
