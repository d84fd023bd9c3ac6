package io.trailcheck.engine.input.graph;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.directory.Licence;
import io.trailcheck.engine.directory.LicenceProfile;
import io.trailcheck.engine.directory.PlanProfile;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.parse.CollectionParts;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Graph {@code GET /v1.0/users} pages. Each user's licences and plans are kept as the export gives them,
 * in profiles shared by every user holding the same combination.
 */
public final class GraphUsersReader {
    private final CollectionParts parts;

    public GraphUsersReader(GraphCollection collection) {
        this(new CollectionParts(collection));
    }

    public GraphUsersReader(CollectionParts parts) {
        this.parts = parts;
    }

    /** Reads a users export, a large one in parts on every core, with the same outcome as in one. */
    public UsersSection read(Path file, Problems problems) {
        return read(file, 0, problems);
    }

    /** Reads a users export read beside other files, {@code inputBytes} in all (see {@link CollectionParts}). */
    public UsersSection read(Path file, long inputBytes, Problems problems) {
        return new UsersSection(parts.read(file, inputBytes, problems, partProblems -> {
            UserDirectory.Builder users = new UserDirectory.Builder();
            return new CollectionParts.Part<>(users, records(file, partProblems, users, () -> { }));
        }, (users, later, shift) -> {
            later.shiftLocations(shift.line(), shift.lineDelta(), shift.columnDelta());
            return users.appendPart(later);
        }));
    }

    private static final class Draft {
        final SourceLocation at;
        String id, principalName, userType;
        boolean agentUser;
        Boolean enabled;
        PlanProfile plans = PlanProfile.NOT_EXPORTED;
        /** Lower-case SKU ids and, in the same order, each one's disabled plans; null when not exported. */
        List<String> licences;
        List<Set<String>> disabled;
        /** licenseAssignmentStates as SKU id, state, SKU id, state, … (a user has one or two). */
        List<String> states;

        Draft(SourceLocation at) {
            this.at = at;
        }

        String state(String sku) {
            if (states == null) return null;
            for (int i = 0; i < states.size(); i += 2) if (states.get(i).equals(sku)) return states.get(i + 1);
            return null;
        }
    }

    /** A reader that adds each complete user to {@code users} and then calls {@code counted}. */
    public RecordReader<?> records(Path file, Problems problems, UserDirectory.Builder users, Runnable counted) {
        JsonValues values = new JsonValues(file, problems);
        RepeatedValues repeated = new RepeatedValues();
        return RecordReader.of(Draft::new, (Draft d, String name, JsonParser p) -> {
            switch (FieldNames.lower(name)) {
                case "id" -> d.id = values.string(p, name);
                case "userprincipalname" -> d.principalName = values.string(p, name);
                case "usertype" -> d.userType = values.string(p, name);
                // Entra Agent ID: "@odata.type": "#microsoft.graph.agentUser", marked by identityParentId
                // (microsoft-graph-docs-contrib api-reference/v1.0/resources/agentuser.md)
                case "@odata.type" -> d.agentUser |= "#microsoft.graph.agentUser".equalsIgnoreCase(values.string(p, name));
                case "identityparentid" -> d.agentUser |= values.string(p, name) != null;
                case "accountenabled" -> d.enabled = values.bool(p, name);
                case "assignedlicenses" -> readLicences(d, p, values, repeated);
                case "assignedplans" -> d.plans = readPlans(p, values, repeated);
                case "licenseassignmentstates" -> readStates(d, p, values, repeated);
                default -> JsonValues.skip(p);
            }
        }, d -> {
            if (d.id == null || d.id.isBlank()) {
                problems.add(new Problem(file, d.at.line(), d.at.column(), "user without an \"id\""));
                return;
            }
            boolean guest = "guest".equalsIgnoreCase(d.userType);
            boolean enabled = d.enabled == null || d.enabled;
            if (!users.add(d.id, d.principalName, enabled, guest, d.agentUser, d.plans, profile(d), d.at)) {
                problems.add(new Problem(file, d.at.line(), d.at.column(),
                        "duplicate user id " + d.id + " (each user may appear once across all users*.json files)"));
                return;
            }
            counted.run();
        });
    }

    private static void readLicences(Draft d, JsonParser p, JsonValues values, RepeatedValues repeated) throws IOException {
        List<String> skus = new ArrayList<>(2);
        List<Set<String>> disabled = new ArrayList<>(2);
        boolean isArray = values.objects(p, "assignedLicenses", lic -> {
            String[] sku = {null};
            List<Set<String>> off = new ArrayList<>(1);
            values.fields(lic, (field, v) -> {
                if (field.equalsIgnoreCase("skuId")) sku[0] = repeated.lowerValue(v, values, "assignedLicenses[].skuId");
                else if (field.equalsIgnoreCase("disabledPlans")) off.add(repeated.lowerSet(values.strings(v, "assignedLicenses[].disabledPlans")));
                else JsonValues.skip(v);
            });
            if (sku[0] != null) {
                skus.add(sku[0]);
                disabled.add(union(off));
            }
        });
        if (isArray) {
            d.licences = skus;
            d.disabled = disabled;
        }
    }

    /** The disabled plans of one assignment ("disabledPlans" normally appears once). */
    private static Set<String> union(List<Set<String>> lists) {
        if (lists.isEmpty()) return Set.of();
        if (lists.size() == 1) return lists.get(0);
        Set<String> all = new HashSet<>();
        lists.forEach(all::addAll);
        return Set.copyOf(all);
    }

    private static PlanProfile readPlans(JsonParser p, JsonValues values, RepeatedValues repeated) throws IOException {
        List<PlanProfile.AssignedPlan> plans = new ArrayList<>();
        boolean isArray = values.objects(p, "assignedPlans", plan -> {
            String[] idAndStatus = new String[2];
            values.fields(plan, (field, v) -> {
                if (field.equalsIgnoreCase("servicePlanId")) idAndStatus[0] = repeated.lowerValue(v, values, "assignedPlans[].servicePlanId");
                else if (field.equalsIgnoreCase("capabilityStatus")) idAndStatus[1] = repeated.lowerValue(v, values, "assignedPlans[].capabilityStatus");
                else JsonValues.skip(v);
            });
            plans.add(repeated.plan(idAndStatus[0], idAndStatus[1]));
        });
        return isArray ? new PlanProfile(plans) : PlanProfile.NOT_EXPORTED;
    }

    private static void readStates(Draft d, JsonParser p, JsonValues values, RepeatedValues repeated) throws IOException {
        List<String> states = new ArrayList<>(4);
        values.objects(p, "licenseAssignmentStates", st -> {
            String[] skuAndState = new String[2];
            values.fields(st, (field, v) -> {
                if (field.equalsIgnoreCase("skuId")) skuAndState[0] = repeated.lowerValue(v, values, "licenseAssignmentStates[].skuId");
                else if (field.equalsIgnoreCase("state")) skuAndState[1] = values.string(v, "licenseAssignmentStates[].state");
                else JsonValues.skip(v);
            });
            if (skuAndState[0] != null && skuAndState[1] != null) addState(states, skuAndState[0], repeated.same(skuAndState[1]));
        });
        d.states = states;
    }

    /** A SKU assigned both directly and through a group has two entries: one that works is enough. */
    private static void addState(List<String> states, String sku, String state) {
        for (int i = 0; i < states.size(); i += 2) {
            if (states.get(i).equals(sku)) {
                if (isError(states.get(i + 1))) states.set(i + 1, state);
                return;
            }
        }
        states.add(sku);
        states.add(state);
    }

    private static boolean isError(String state) {
        return state.equalsIgnoreCase("error") || state.equalsIgnoreCase("disabled");
    }

    private static LicenceProfile profile(Draft d) {
        if (d.licences == null) return LicenceProfile.NOT_EXPORTED;
        List<Licence> licences = new ArrayList<>(d.licences.size());
        for (int i = 0; i < d.licences.size(); i++) {
            String sku = d.licences.get(i);
            String state = d.state(sku);
            licences.add(new Licence(sku, d.disabled.get(i), state));
        }
        licences.sort(java.util.Comparator.comparing(Licence::skuId));
        return new LicenceProfile(licences);
    }
}
