package io.trailcheck.engine.input;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.directory.AssignedPlans;
import io.trailcheck.engine.directory.Licence;
import io.trailcheck.engine.directory.LicenceProfile;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Graph {@code GET /v1.0/users} pages. Each user is reduced while streaming: licence details collapse into
 * a shared {@link LicenceProfile}, assignedPlans into a few bits.
 */
final class GraphUsersReader extends CollectionReader {

    GraphUsersReader(GraphCollection collection) {
        super(collection);
    }

    private static final class Draft {
        final SourceLocation at;
        String id, principalName, userType;
        boolean agentUser;
        Boolean enabled;
        byte planBits;
        List<String> licences;
        List<Set<String>> disabled;
        Map<String, String> states;

        Draft(SourceLocation at) {
            this.at = at;
        }
    }

    @Override
    RecordReader<?> records(Path file, Intake intake, Runnable counted) {
        JsonValues values = new JsonValues(file, intake.problems);
        Set<String> exchangePlans = new HashSet<>(intake.policy.mailboxPlanIds());
        exchangePlans.addAll(intake.policy.foundationPlanIds());
        intake.usersExported = true;
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
                case "assignedlicenses" -> readLicences(d, p, values, exchangePlans);
                case "assignedplans" -> d.planBits = readPlans(p, values, intake);
                case "licenseassignmentstates" -> readStates(d, p, values);
                default -> JsonValues.skip(p);
            }
        }, d -> {
            if (d.id == null || d.id.isBlank()) {
                intake.problems.add(new Problem(file, d.at.line(), d.at.column(), "user without an \"id\""));
                return;
            }
            boolean guest = "guest".equalsIgnoreCase(d.userType);
            boolean enabled = d.enabled == null || d.enabled;
            if (!intake.users.add(d.id, d.principalName, enabled, guest, d.agentUser, d.planBits, profile(d), d.at)) {
                intake.problems.add(new Problem(file, d.at.line(), d.at.column(),
                        "duplicate user id " + d.id + " (each user may appear once across all users*.json files)"));
                return;
            }
            counted.run();
        });
    }

    private static void readLicences(Draft d, JsonParser p, JsonValues values, Set<String> exchangePlans)
            throws IOException {
        List<String> skus = new ArrayList<>();
        List<Set<String>> disabled = new ArrayList<>();
        boolean isArray = values.objects(p, "assignedLicenses", lic -> {
            String[] sku = {null};
            Set<String> off = new HashSet<>();
            values.fields(lic, (field, v) -> {
                if (field.equalsIgnoreCase("skuId")) sku[0] = values.string(v, "assignedLicenses[].skuId");
                else if (field.equalsIgnoreCase("disabledPlans")) lower(values.strings(v, "assignedLicenses[].disabledPlans"), exchangePlans, off);
                else JsonValues.skip(v);
            });
            if (sku[0] != null) {
                skus.add(sku[0].toLowerCase(Locale.ROOT));
                disabled.add(off);
            }
        });
        if (isArray) {
            d.licences = skus;
            d.disabled = disabled;
        }
    }

    private static byte readPlans(JsonParser p, JsonValues values, Intake intake) throws IOException {
        byte[] bits = {AssignedPlans.EXPORTED};
        boolean isArray = values.objects(p, "assignedPlans", plan -> {
            String[] idAndStatus = new String[2];
            values.fields(plan, (field, v) -> {
                if (field.equalsIgnoreCase("servicePlanId")) idAndStatus[0] = values.string(v, "assignedPlans[].servicePlanId");
                else if (field.equalsIgnoreCase("capabilityStatus")) idAndStatus[1] = values.string(v, "assignedPlans[].capabilityStatus");
                else JsonValues.skip(v);
            });
            bits[0] |= AssignedPlans.NON_EMPTY;
            String id = idAndStatus[0] == null ? "" : idAndStatus[0].toLowerCase(Locale.ROOT);
            String status = idAndStatus[1] == null ? "" : idAndStatus[1].toLowerCase(Locale.ROOT);
            if (intake.policy.mailboxPlans().containsKey(id)) {
                if (status.equals("enabled") || status.equals("warning")) bits[0] |= AssignedPlans.MAILBOX_ENABLED;
                else if (status.equals("suspended") || status.equals("lockedout") || status.equals("deleted")) {
                    bits[0] |= AssignedPlans.MAILBOX_SUSPENDED;
                }
            } else if (intake.policy.foundationPlans().containsKey(id)) {
                bits[0] |= AssignedPlans.FOUNDATION;
            }
        });
        return isArray ? bits[0] : 0;
    }

    private static void readStates(Draft d, JsonParser p, JsonValues values) throws IOException {
        Map<String, String> states = new HashMap<>();
        values.objects(p, "licenseAssignmentStates", st -> {
            String[] skuAndState = new String[2];
            values.fields(st, (field, v) -> {
                if (field.equalsIgnoreCase("skuId")) skuAndState[0] = values.string(v, "licenseAssignmentStates[].skuId");
                else if (field.equalsIgnoreCase("state")) skuAndState[1] = values.string(v, "licenseAssignmentStates[].state");
                else JsonValues.skip(v);
            });
            if (skuAndState[0] != null && skuAndState[1] != null) {
                // A SKU assigned both directly and through a group has two entries: one that works is enough.
                states.merge(skuAndState[0].toLowerCase(Locale.ROOT), skuAndState[1],
                        (a, b) -> isError(a) ? b : a);
            }
        });
        d.states = states;
    }

    private static boolean isError(String state) {
        return state.equalsIgnoreCase("error") || state.equalsIgnoreCase("disabled");
    }

    private static void lower(List<String> ids, Set<String> keep, Set<String> into) {
        if (ids == null) return;
        for (String id : ids) {
            String l = id.toLowerCase(Locale.ROOT);
            if (keep.contains(l)) into.add(l);
        }
    }

    private static LicenceProfile profile(Draft d) {
        if (d.licences == null) return LicenceProfile.NOT_EXPORTED;
        List<Licence> licences = new ArrayList<>(d.licences.size());
        for (int i = 0; i < d.licences.size(); i++) {
            String sku = d.licences.get(i);
            String state = d.states == null ? null : d.states.get(sku);
            licences.add(new Licence(sku, d.disabled.get(i), state));
        }
        licences.sort(java.util.Comparator.comparing(Licence::skuId));
        return new LicenceProfile(licences);
    }
}
