package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problems;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code conversationtranscripts*.json}: {@code GET …/api/data/v9.2/conversationtranscripts} responses (one
 * page, an array of pages, or an array of rows). A transcript over 1 MB is split into several rows of the
 * same conversation; each conversation is passed on once.
 */
public final class ConversationTranscriptsReader {
    private final ObservationFiles files;

    public ConversationTranscriptsReader(ParseLimits limits) {
        this.files = new ObservationFiles(limits);
    }

    public ObservationInventory read(Path file, DistinctConversations seen, Consumer<ObservedConversation> sink,
                                     Problems problems) {
        ObservationInventory inventory = new ObservationInventory(file);
        files.read(file, problems, context -> RecordReader.of(
                at -> new TranscriptDraft(context, at),
                (draft, name, p) -> draft.field(FieldNames.lower(name), p),
                draft -> {
                    ObservedConversation c = draft.finish(inventory, seen);
                    if (c != null) sink.accept(c);
                }));
        return inventory;
    }
}
