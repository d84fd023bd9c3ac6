package io.trailcheck.cli.kql;

import java.util.List;

/**
 * The KQL query that reconciles a {@link Prediction} with the records where they live: the prediction
 * inline as datatables, joined with the record table of the {@link KqlTarget} and, optionally, with the
 * Copilot Studio telemetry in {@code AppEvents}. One row per agent × channel; values are always literals.
 */
public final class ReconciliationQuery {
    /** Copilot Studio writes its telemetry with this role name (cloud_RoleName / AppRoleName). */
    static final String COPILOT_STUDIO_ROLE = "Microsoft Copilot Studio";
    /** The AppIdentity of a Copilot Studio agent ends with "{environment or tenant GUID}-{schemaName}". */
    static final String SCHEMA_NAME_SUFFIX = "[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}-(.*)$";
    /** The channel of rows counted from audit records alone (records carry no channel id). */
    static final String ANY_CHANNEL = "*";

    private final Prediction prediction;
    private final KqlTarget target;
    private final int days;
    private final boolean telemetry;
    private final boolean names;
    private final PredictionSource source;
    private final String generator;

    public ReconciliationQuery(Prediction prediction, KqlTarget target, int days, boolean telemetry, boolean names,
                               PredictionSource source, String generator) {
        this.prediction = prediction;
        this.target = target;
        this.days = days;
        this.telemetry = telemetry;
        this.names = names;
        this.source = source;
        this.generator = generator;
    }

    public String text() {
        StringBuilder q = new StringBuilder();
        header(q);
        q.append("let lookback = ").append(days).append("d;\n");
        q.append("let matchWindow = 1h;\n");
        q.append("let tenantCause = ").append(KqlLiteral.of(prediction.tenantCause())).append(";\n");
        prediction(q);
        records(q);
        if (telemetry) conversations(q);
        result(q);
        return q.toString();
    }

    private void header(StringBuilder q) {
        q.append("// ").append(generator).append(": the prediction reconciled with the audit log (")
                .append(target.product).append(").\n");
        q.append("// ").append(prediction.agents().size()).append(" agents, ").append(prediction.users().size())
                .append(" users whose conversations leave no record (").append(names ? "by name" : "pseudonymous")
                .append("); telemetry: ").append(telemetry ? "AppEvents" : "none").append(".\n");
        q.append("// Columns: Agent, DisplayName, Channel, Observed, Recorded, MissingAsPredicted, MissingCauses,\n")
                .append("// MissingAlthoughPredicted, RecordedAlthoughNotPredicted, From, To. Channel \"")
                .append(ANY_CHANNEL).append("\": counted from audit records alone.\n");
    }

    private void prediction(StringBuilder q) {
        if (source instanceof PredictionSource.Inline) {
            inlineAgents(q);
            inlineChannels(q);
            inlineUsers(q);
            return;
        }
        q.append("let prediction = ").append(source instanceof PredictionSource.Watchlist w
                ? "_GetWatchlist(" + KqlLiteral.of(w.alias()) + ")\n    | project Kind = tostring(Kind), Key = tostring(SearchKey), "
                  + "Channel = tostring(Channel), DisplayName = tostring(DisplayName), Cause = tostring(Cause);\n"
                : "externaldata(Kind:string, Key:string, Channel:string, DisplayName:string, Cause:string) [h"
                  + KqlLiteral.of(((PredictionSource.ExternalData) source).url()) + "]\n    with (format=\"csv\", ignoreFirstRecord=true);\n");
        q.append("""
                let predictedAgents = prediction | where Kind == "agent"
                    | project SchemaName = Key, DisplayName, AgentCause = Cause, RecordsPredicted = isempty(tenantCause) and isempty(Cause);
                let predictedChannels = prediction | where Kind == "channel" | project SchemaName = Key, Channel, ChannelCause = Cause;
                let usersWithoutRecords = prediction | where Kind == "user" | project UserKey = Key, UserCause = Cause;
                """);
    }

    private void inlineAgents(StringBuilder q) {
        q.append("let predictedAgents = datatable(SchemaName:string, DisplayName:string, AgentCause:string, RecordsPredicted:bool) [\n");
        for (Prediction.AgentPrediction a : prediction.agents()) {
            row(q, KqlLiteral.of(a.schemaName()), KqlLiteral.of(a.displayName()), KqlLiteral.of(a.causes()),
                    Boolean.toString(a.recordsPredicted(prediction.tenantCause())));
        }
        q.append("];\n");
    }

    private void inlineChannels(StringBuilder q) {
        q.append("let predictedChannels = datatable(SchemaName:string, Channel:string, ChannelCause:string) [\n");
        for (Prediction.ChannelPrediction c : prediction.channels()) {
            row(q, KqlLiteral.of(c.schemaName()), KqlLiteral.of(c.channel()), KqlLiteral.of(c.cause()));
        }
        q.append("];\n");
    }

    /** Users compactly: each cause once, numbered, and a (key, number) row per user. */
    private void inlineUsers(StringBuilder q) {
        List<String> causes = prediction.userCauses();
        q.append("let userCauses = datatable(CauseId:int, UserCause:string) [\n");
        for (int i = 0; i < causes.size(); i++) row(q, Integer.toString(i + 1), KqlLiteral.of(causes.get(i)));
        q.append("];\n");
        q.append("let usersWithoutRecords = datatable(UserKey:string, CauseId:int) [\n");
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < causes.size(); i++) ids.put(causes.get(i), i + 1);
        for (Prediction.UserPrediction u : prediction.users()) row(q, KqlLiteral.of(u.key()), Integer.toString(ids.get(u.cause())));
        q.append("]\n    | join kind=inner userCauses on CauseId\n    | project UserKey, UserCause;\n");
    }

    private void records(StringBuilder q) {
        q.append("let records = ").append(target.recordSource).append('\n');
        q.append("    | extend AgentKey = tolower(extract(@\"").append(SCHEMA_NAME_SUFFIX).append("\", 1, AppIdentity))\n");
        q.append("    | where isnotempty(AgentKey)\n");
        q.append("    | project RecordTime = ").append(target.timeColumn).append(", AgentKey, UserKey = ")
                .append(target.userKeyExpression(names)).append(";\n");
        q.append("let agentKeys = predictedAgents | extend AgentKey = tolower(SchemaName);\n");
        q.append("""
                let recordRows = records
                    | join kind=inner agentKeys on AgentKey
                    | join kind=leftouter usersWithoutRecords on UserKey
                    | extend Cause = coalesce(tenantCause, AgentCause, UserCause)
                    | summarize Recorded = count(), RecordedAlthoughNotPredicted = countif(isnotempty(Cause)),
                        From = min(RecordTime), To = max(RecordTime) by SchemaName
                    | extend Channel = %s, Observed = long(null), MissingAsPredicted = long(null),
                        MissingAlthoughPredicted = long(null), MissingCauses = dynamic(null);
                """.formatted(KqlLiteral.of(ANY_CHANNEL)));
    }

    /**
     * Conversations from Copilot Studio telemetry: a conversation counts as recorded when the agent has a
     * record within matchWindow of it (telemetry carries channel ids, not the user's UPN or object id).
     */
    private void conversations(StringBuilder q) {
        q.append("""
                let agentNames = union
                        (predictedAgents | project AgentName = tolower(SchemaName), SchemaName, Priority = 0),
                        (predictedAgents | project AgentName = tolower(DisplayName), SchemaName, Priority = 1)
                    | summarize arg_min(Priority, SchemaName) by AgentName
                    | project AgentName, SchemaName;
                let recordBuckets = records
                    | summarize by AgentKey, Bucket = bin(RecordTime, matchWindow)
                    | extend HasRecord = true;
                let conversations = AppEvents
                    | where TimeGenerated > ago(lookback)
                    | where AppRoleName == %s
                    | where Name == "BotMessageReceived"
                    | where tostring(Properties.designMode) !~ "True" and tostring(Properties.DesignMode) !~ "True"
                    | extend AgentName = tolower(AppRoleInstance), Channel = tostring(Properties.channelId),
                        Conversation = coalesce(tostring(Properties.conversationId), SessionId)
                    | where isnotempty(Conversation)
                    | summarize Start = min(TimeGenerated), End = max(TimeGenerated) by AgentName, Channel, Conversation
                    | join kind=inner agentNames on AgentName
                    | extend AgentKey = tolower(SchemaName), ChannelKey = tolower(Channel)
                    | extend Bucket = range(bin(Start - matchWindow, matchWindow), bin(End + matchWindow, matchWindow), matchWindow)
                    | mv-expand Bucket to typeof(datetime)
                    | join kind=leftouter recordBuckets on AgentKey, Bucket
                    | summarize RecordBuckets = countif(HasRecord == true), Start = min(Start), End = max(End)
                        by SchemaName, AgentKey, Channel, ChannelKey, Conversation
                    | extend HasRecord = RecordBuckets > 0
                    | join kind=leftouter (predictedChannels | project AgentKey = tolower(SchemaName), ChannelKey = tolower(Channel), ChannelCause)
                        on AgentKey, ChannelKey
                    | join kind=inner (predictedAgents | project SchemaName, AgentCause) on SchemaName
                    | extend Cause = coalesce(tenantCause, AgentCause, ChannelCause);
                let missingCauses = conversations
                    | where not(HasRecord) and isnotempty(Cause)
                    | summarize Count = count() by SchemaName, Channel, Cause
                    | summarize MissingCauses = make_bag(bag_pack(Cause, Count)) by SchemaName, Channel;
                let conversationRows = conversations
                    | summarize Observed = count(), Recorded = countif(HasRecord),
                        MissingAsPredicted = countif(not(HasRecord) and isnotempty(Cause)),
                        MissingAlthoughPredicted = countif(not(HasRecord) and isempty(Cause)),
                        RecordedAlthoughNotPredicted = countif(HasRecord and isnotempty(Cause)),
                        From = min(Start), To = max(End) by SchemaName, Channel
                    | join kind=leftouter missingCauses on SchemaName, Channel
                    | project-away SchemaName1, Channel1;
                """.formatted(KqlLiteral.of(COPILOT_STUDIO_ROLE)));
    }

    private void result(StringBuilder q) {
        q.append(telemetry ? "union conversationRows, recordRows\n" : "recordRows\n");
        q.append("""
                | join kind=leftouter (predictedAgents | project SchemaName, DisplayName) on SchemaName
                | project Agent = SchemaName, DisplayName, Channel, Observed, Recorded, MissingAsPredicted, MissingCauses,
                    MissingAlthoughPredicted, RecordedAlthoughNotPredicted, From, To
                | order by Agent asc, Channel asc
                """);
    }

    private static void row(StringBuilder q, String... cells) {
        q.append("    ").append(String.join(", ", cells)).append(",\n");
    }
}
