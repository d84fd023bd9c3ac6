package io.trailcheck.engine.interpret;

import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.directory.UserExemption;
import io.trailcheck.engine.policy.Exemption;
import io.trailcheck.engine.policy.ExemptionScope;
import io.trailcheck.engine.policy.Policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy's unexpired exemptions that name a user, matched to the directory by id or principal name:
 * those users are left out of the counts of the rules they are exempted from.
 */
final class UserExemptions {
    private UserExemptions() {}

    static List<UserExemption> of(Policy policy, UserDirectory users, LocalDate today) {
        Map<String, List<Exemption>> byUser = new HashMap<>();
        for (Exemption e : policy.exemptions()) {
            String user = e.scope().get(ExemptionScope.USER);
            if (user != null && !e.isExpired(today)) byUser.computeIfAbsent(user.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
        }
        List<UserExemption> out = new ArrayList<>();
        if (byUser.isEmpty()) return out;
        for (int i = 0; i < users.size(); i++) {
            List<Exemption> matched = match(byUser, users.id(i), users.principalName(i));
            for (Exemption e : matched) {
                out.add(new UserExemption(i, e.rule(), e.scope().get(ExemptionScope.AGENT), e.key(), e.ticket(), e.expires().toString()));
            }
        }
        return out;
    }

    private static List<Exemption> match(Map<String, List<Exemption>> byUser, String id, String principalName) {
        List<Exemption> out = new ArrayList<>(byUser.getOrDefault(id.toLowerCase(Locale.ROOT), List.of()));
        if (principalName != null) out.addAll(byUser.getOrDefault(principalName.toLowerCase(Locale.ROOT), List.of()));
        return out;
    }
}
