package io.trailcheck.model;

/**
 * An event trigger that starts an agent with no signed-in person (CIL017): a workspace
 * {@code trigger/*.mcs.yml} ({@code kind: ExternalTriggerConfiguration}) or a solution botcomponent of the
 * external-trigger type.
 *
 * @param agent    the agent's schema name
 * @param name     the trigger's name (connector trigger id, display name or file name)
 * @param source   what starts it (Office 365 Outlook, a recurrence, a flow), or null when the file does not say
 * @param location the trigger's definition
 */
public record AgentTrigger(String agent, String name, String source, SourceLocation location) {

    public EntityRef entity() {
        return new EntityRef("trigger", agent + "/" + name);
    }

    /** "OnNewEmailV3 (Office 365 Outlook)" for messages. */
    public String title() {
        return source == null || source.isBlank() ? name : name + " (" + source + ")";
    }
}
