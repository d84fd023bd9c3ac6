package io.trailcheck.engine.input;

import java.util.List;

/**
 * Everything one file says: one section for most exports, several for a native snapshot.
 *
 * @param sections what the file gives
 * @param records  how many records it held
 */
public record FileSections(List<Section> sections, int records) {
    public FileSections {
        sections = List.copyOf(sections);
    }

    /** What a file that turned out not to be an input (a zip that is no solution export) gives. */
    public static final FileSections NOT_AN_INPUT = new FileSections(List.of(), -1);

    public static FileSections of(Section section) {
        return section == null ? new FileSections(List.of(), 0) : new FileSections(List.of(section), section.records());
    }
}
