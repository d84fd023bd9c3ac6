package io.trailcheck.cli.kql;

import io.trailcheck.engine.digest.Digests;
import io.trailcheck.model.AffectedUsers;

import java.util.Locale;

/**
 * Where the query runs, and how that place's record table names what the query needs: the
 * {@code CopilotInteraction} records, their time, the agent's {@code AppIdentity}, and the user.
 */
public enum KqlTarget {
    /** Microsoft Sentinel (Log Analytics): CopilotActivity from the Microsoft Copilot connector; users by UPN. */
    SENTINEL("Microsoft Sentinel", """
            CopilotActivity
                | where TimeGenerated > ago(lookback)
                | where RecordType == "CopilotInteraction"
                | extend AppIdentity = tostring(AppIdentity)""", "TimeGenerated", "ActorName") {
        @Override
        String userIdentifier(AffectedUsers.User user) {
            return user.userPrincipalName() == null ? user.id() : user.userPrincipalName();
        }
    },
    /** Microsoft Defender XDR advanced hunting: CloudAppEvents; users by Entra object id. */
    DEFENDER("Microsoft Defender XDR advanced hunting", """
            CloudAppEvents
                | where Timestamp > ago(lookback)
                | where ActionType == "CopilotInteraction"
                | extend AppIdentity = tostring(coalesce(tostring(RawEventData.CopilotEventData.AppIdentity), tostring(RawEventData.AppIdentity)))""",
            "Timestamp", "AccountObjectId") {
        @Override
        String userIdentifier(AffectedUsers.User user) {
            return user.id();
        }
    };

    final String product;
    final String recordSource;
    final String timeColumn;
    final String userColumn;

    KqlTarget(String product, String recordSource, String timeColumn, String userColumn) {
        this.product = product;
        this.recordSource = recordSource;
        this.timeColumn = timeColumn;
        this.userColumn = userColumn;
    }

    /** The identifier the record table carries for the user: UPN in CopilotActivity, object id in CloudAppEvents. */
    abstract String userIdentifier(AffectedUsers.User user);

    /** The key a user is matched on: the identifier lower-cased, or its pseudonym (computed the same way in KQL). */
    public String userKey(AffectedUsers.User user, boolean names) {
        String id = userIdentifier(user);
        return names ? id.toLowerCase(Locale.ROOT) : Digests.pseudonym(id);
    }

    /** The KQL expression that computes {@link #userKey} from the record table's user column. */
    String userKeyExpression(boolean names) {
        return names ? "tolower(" + userColumn + ")"
                : "strcat(\"user-\", substring(hash_sha256(tolower(" + userColumn + ")), 0, 12))";
    }
}
