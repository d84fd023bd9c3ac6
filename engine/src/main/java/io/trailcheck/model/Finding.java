package io.trailcheck.model;

import org.kie.api.runtime.rule.RuleContext;

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
 * The rule id comes from the firing rule's {@code @id}; the level from the policy, after demotions.
 */
public final class Finding {
    private final String ruleId;
    private final EntityRef entity;
    private final SourceLocation location;
    private final Map<String, Object> properties = new TreeMap<>();
    private final List<String> demotions = new ArrayList<>();
    private String message = "";
    private AffectedUsers affected = AffectedUsers.NONE;

    public Finding(String ruleId, EntityRef entity, SourceLocation location) {
        if (location == null) throw new IllegalArgumentException("a finding of " + ruleId + " needs a location");
        this.ruleId = ruleId;
        this.entity = entity;
        this.location = location;
    }

    /** A finding of the rule now firing (its {@code @id}) about {@code entity}, located at {@code location}. */
    public static Finding of(RuleContext drools, EntityRef entity, SourceLocation location) {
        Object id = drools.getRule().getMetaData().get("id");
        if (id == null) throw new IllegalStateException("rule \"" + drools.getRule().getName() + "\" has no @id");
        return new Finding(id.toString(), entity, location);
    }

    /** Sets the message; {@code {0}}, {@code {1}}, … are replaced by the arguments. */
    public Finding message(String template, Object... args) {
        String text = template;
        for (int i = 0; i < args.length; i++) text = text.replace("{" + i + "}", String.valueOf(args[i]));
        this.message = text;
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
    public String getMessage() { return message; }
    public Map<String, Object> getProperties() { return Collections.unmodifiableMap(properties); }
    public List<String> getDemotions() { return Collections.unmodifiableList(demotions); }
    public AffectedUsers getAffected() { return affected; }

    /** The agent's schema name, for agent findings; null otherwise. */
    public String getAgent() {
        Object a = properties.get("agent");
        return a == null ? null : a.toString();
    }
}
