package io.trailcheck.engine.runtime;

import io.trailcheck.model.Level;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A rule of the catalogue, from its DRL annotations (and, for built-ins, its help document).
 *
 * @param id           stable public id (CIL001)
 * @param name         kebab-case name, different from the id
 * @param title        one-line description
 * @param defaultLevel the level before policy
 * @param help         markdown: why, how to fix, links, examples
 * @param tags         classification tags
 * @param requires     inputs the rule needs (users, auditConfig, telemetry, …); absent → not evaluated
 * @param scopes       what its findings carry that an exemption may name (agent, user, tenant, channel)
 * @param source       the DRL file that declares it
 * @param line         the line of its declaration
 * @param builtIn      part of trailcheck's own pack
 */
public record RuleDescriptor(String id, String name, String title, Level defaultLevel, String help, List<String> tags,
                             Set<String> requires, Set<String> scopes, Path source, int line, boolean builtIn) {

    /** The first paragraph of the help, for a full description. */
    public String summary() {
        String text = help == null ? "" : help.strip();
        int blank = text.indexOf("\n\n");
        String first = blank < 0 ? text : text.substring(0, blank);
        first = first.replaceAll("(?m)^#+\\s*", "").replace('\n', ' ').strip();
        return first.isEmpty() ? title : first;
    }
}
