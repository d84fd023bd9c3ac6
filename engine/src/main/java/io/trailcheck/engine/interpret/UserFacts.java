package io.trailcheck.engine.interpret;

import io.trailcheck.engine.directory.AudienceCalculator;
import io.trailcheck.engine.directory.MailboxCatalogue;
import io.trailcheck.engine.directory.MailboxStatus;
import io.trailcheck.engine.directory.Mailboxes;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.Audience;
import io.trailcheck.model.DirectorySummary;

import java.time.LocalDate;
import java.util.List;

/**
 * The users under the policy's mailbox catalogue: each user's effective mailbox, one audience per agent
 * (less the users an exemption covers) and the tenant-wide counts.
 */
final class UserFacts {
    private final Snapshot snapshot;
    private final UserDirectory users;
    private final Mailboxes mailboxes;
    private final AudienceCalculator audiences;

    UserFacts(Snapshot snapshot, UserDirectory users, Policy policy, LocalDate today) {
        this.snapshot = snapshot;
        this.users = users;
        MailboxCatalogue catalogue = new MailboxCatalogue(policy.mailboxPlanIds(), policy.foundationPlanIds());
        this.mailboxes = Mailboxes.derive(users, catalogue, snapshot.skus(), snapshot.has(InputSection.SKUS));
        this.audiences = new AudienceCalculator(users, mailboxes, snapshot.groups(),
                UserExemptions.of(policy, users, today));
    }

    void addTo(List<Object> facts) {
        Audience tenant = audiences.wholeTenant(null);
        facts.add(new DirectorySummary(users.size(), tenant.members(), tenant.guests(), tenant.membersUnknownMailbox(),
                users.firstFile()));
        audiences.countAll(snapshot.agents().stream().filter(a -> a.isRestrictedToGroups() && a.authorizedGroupIds() != null
                && !a.authorizedGroupIds().isEmpty()).map(Agent::authorizedGroupIds).toList());
        for (Agent agent : snapshot.agents()) {
            if (!agent.isRestrictedToGroups()) {
                facts.add(audiences.wholeTenant(agent.schemaName()));
            } else if (agent.authorizedGroupIds() != null && !agent.authorizedGroupIds().isEmpty()) {
                facts.add(audiences.ofGroups(agent.schemaName(), agent.authorizedGroupIds()));
            }
        }
    }

    /** The principal name of the user with this id, or null. */
    String principalNameOf(String userId) {
        int u = users.indexOf(userId);
        return u < 0 ? null : users.principalName(u);
    }

    /**
     * Why a conversation's user could leave no record, as far as the directory tells: guest, a mailbox reason,
     * or null (a mailbox, an unknown mailbox, or a user the directory does not hold).
     */
    String causeOf(String userId) {
        int u = users.indexOf(userId);
        if (u < 0) return null;
        if (users.isGuest(u)) return "guest";
        MailboxStatus m = mailboxes.of(u);
        return m.isAbsent() ? m.reason() : null;
    }
}
