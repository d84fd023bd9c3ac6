package io.trailcheck.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A violation a rule reports. A DRL consequence creates one with {@link #of} and inserts it, so other rules
 * can react to it (the compensating control demotes CIL001/CIL003 findings this way):
 *
 * <pre>
 * insert(Finding.of(drools, $agent.entity(), $agent.locationOf("authenticationMode"))
 *         .message("{0} does not authenticate with Microsoft", $agent.title())
 *         .property("agent", $agent.schemaName()));
 * </pre>
 *
 * The rule id comes from the firing rule's {@code @id}; the level from the policy, after demotions. The
 * message keeps its template and arguments apart: reports render it, once.
 */
public final class Finding {
    private final String ruleId;
    private final EntityRef entity;
    private final SourceLocation location;
    private final Map<String, Object> properties = new TreeMap<>();
    private final List<String> demotions = new ArrayList<>();
    private String template = "";
    private List<String> arguments = List.of();
    private AffectedUsers affected = AffectedUsers.NONE;
    private List<ExemptedUser> exempted = List.of();

    public Finding(String ruleId, EntityRef entity, SourceLocation location) {
        if (location == null) throw new IllegalArgumentException("a finding of " + ruleId + " needs a location");
        this.ruleId = ruleId;
        this.entity = entity;
        this.location = location;
    }

    /** A finding of the rule now firing (its {@code @id}) about {@code entity}, located at {@code location}. */
    public static Finding of(Object drools, EntityRef entity, SourceLocation location) {
        return new Finding(FiringRule.provided().idOf(drools), entity, location);
    }

    /** Sets the message: {@code {0}}, {@code {1}}, … stand for the arguments, as text now. */
    public Finding message(String template, Object... args) {
        this.template = template;
        List<String> texts = new ArrayList<>(args.length);
        for (Object a : args) texts.add(String.valueOf(a));
        this.arguments = List.copyOf(texts);
        return this;
    }

    /** A machine-readable fact about the finding (agent, channel, affected, total, reasons). */
    public Finding property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The users behind the finding's counts, for local reports. */
    public Finding affected(AffectedUsers users) {
        this.affected = users;
        return this;
    }

    /** The users an exemption left out of the finding's counts, for local reports. */
    public Finding exempted(List<ExemptedUser> users) {
        this.exempted = List.copyOf(users);
        return this;
    }

    /** Lowers the finding one level, saying why (a compensating control). */
    public void demote(String why) {
        demotions.add(why);
    }

    public boolean isDemoted() {
        return !demotions.isEmpty();
    }

    public String getRuleId() { return ruleId; }
    public EntityRef getEntity() { return entity; }
    public SourceLocation getLocation() { return location; }
    public String getMessageTemplate() { return template; }
    public List<String> getMessageArguments() { return arguments; }

    /** The message with its arguments in place. */
    public String getMessage() { return MessageTemplate.render(template, arguments); }
    public Map<String, Object> getProperties() { return Collections.unmodifiableMap(properties); }
    public List<String> getDemotions() { return Collections.unmodifiableList(demotions); }
    public AffectedUsers getAffected() { return affected; }
    public List<ExemptedUser> getExempted() { return exempted; }

    /** The agent's schema name, for agent findings; null otherwise. */
    public String getAgent() {
        Object a = properties.get("agent");
        return a == null ? null : a.toString();
    }
}
