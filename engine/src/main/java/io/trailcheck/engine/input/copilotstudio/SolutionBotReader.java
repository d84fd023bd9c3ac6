package io.trailcheck.engine.input.copilotstudio;

// layout checked against:
//   microsoft/Power-CAT-Copilot-Studio-Kit: AgentReviewTool/SolutionPackage/src/bots/cr306_agentReviewer/{bot.xml,configuration.json}
//   microsoft/Power-CAT-Copilot-Studio-Kit: CopilotStudioAccelerator/SolutionPackage/src/bots/cre74_adaptiveCardBot/{bot.xml,configuration.json}
//   Azure-Samples/Copilot-Studio-with-Azure-AI-Search: src/powerplatform/copilot_studio_gold_agent/bots/crf6d_aiSearchConnectionExample/{bot.xml,configuration.json}

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.InputKind;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.YamlNodes;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.text.SafeText;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.AgentTrigger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An unpacked solution export ({@code pac solution unpack}): {@code bots/<schemaname>/bot.xml}, a
 * {@code <bot schemaname="...">} root whose children hold the Dataverse columns as text (picklists as
 * integers), the {@code <synchronizationstatus>} publish state, the sibling {@code configuration.json}
 * ({@code $kind: BotConfiguration}) holding the draft channels, and the bot's external-trigger components
 * ({@code botcomponents/<schema>/botcomponent.xml}). {@link SolutionZipReader} reads a zipped export through
 * the same code.
 */
public final class SolutionBotReader {
    private static final Map<String, String> SCALARS = Map.of(
            "schemaname", AgentFields.SCHEMA_NAME,
            "name", AgentFields.DISPLAY_NAME,
            "authenticationmode", AgentFields.AUTHENTICATION_MODE,
            "authenticationtrigger", AgentFields.AUTHENTICATION_TRIGGER,
            "accesscontrolpolicy", AgentFields.ACCESS_CONTROL_POLICY);
    private static final String GROUPS = "authorizedsecuritygroupids";
    /** botcomponent.componenttype 17 is External Trigger (PowerApps docs, botcomponent entity). */
    private static final String EXTERNAL_TRIGGER_TYPE = "17";
    private static final List<String> TRIGGER_INFIXES = List.of(".externaltriggercomponent.", ".externaltriggerconfiguration.");

    private final JsonFiles json;
    private final SynchronizationStatus synchronization;
    /** A factory per thread: files are read in parallel, and StAX factories are not promised to be thread-safe. */
    private final ThreadLocal<XMLInputFactory> xml = ThreadLocal.withInitial(SolutionBotReader::secureFactory);

    public SolutionBotReader(JsonFiles json) {
        this.json = json;
        this.synchronization = new SynchronizationStatus(json);
    }

    public AgentsSection read(Path botXml, Problems problems) {
        Path root = botXml.getParent().getParent().getParent();
        String entry = "bots/" + botXml.getParent().getFileName() + "/bot.xml";
        List<InputFile> alsoRead = new java.util.ArrayList<>();
        Optional<AgentDraft> draft = readBot(SolutionFiles.folder(root), entry, AgentDraft.Origin.SOLUTION, problems, alsoRead);
        return new AgentsSection(draft.map(List::of).orElse(List.of()), alsoRead);
    }

    /** One bot of a solution with its channels and triggers; the configuration files read are added to {@code files}. */
    Optional<AgentDraft> readBot(SolutionFiles solution, String botEntry, AgentDraft.Origin origin, Problems problems,
                                 List<InputFile> files) {
        Path shown = solution.shown(botEntry);
        Optional<AgentDraft> draft = parse(solution, botEntry, problems, r -> root(shown, r, origin, problems));
        if (draft.isEmpty()) return draft;
        String configuration = botEntry.substring(0, botEntry.lastIndexOf('/') + 1) + "configuration.json";
        if (solution.exists(configuration)) {
            draft.get().channels = channels(solution, configuration, problems);
            int count = draft.get().channels == null ? 0 : draft.get().channels.size();
            files.add(new InputFile(solution.shown(configuration), InputKind.SOLUTION_CHANNELS, count));
        }
        triggers(solution, draft.get(), problems);
        return draft;
    }

    private interface XmlBody<T> {
        Optional<T> read(XMLStreamReader r) throws XMLStreamException, IOException;
    }

    private <T> Optional<T> parse(SolutionFiles solution, String entry, Problems problems, XmlBody<T> body) {
        Path shown = solution.shown(entry);
        try (InputStream in = solution.open(entry)) {
            XMLStreamReader r = xml.get().createXMLStreamReader(in);
            try {
                return body.read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            problems.add(malformed(shown, e));
        } catch (IOException e) {
            problems.add(Problem.inFile(shown, "cannot read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    private Optional<AgentDraft> root(Path file, XMLStreamReader r, AgentDraft.Origin origin, Problems problems)
            throws XMLStreamException {
        if (!firstElement(file, r, problems)) return Optional.empty();
        SourceLocation at = here(file, r);
        if (!r.getLocalName().equalsIgnoreCase("bot")) {
            problems.add(new Problem(file, at.line(), at.column(),
                    "expected a <bot> root element, found <" + r.getLocalName() + ">"));
            return Optional.empty();
        }
        AgentDraft draft = new AgentDraft(file, origin, at);
        draft.set(AgentFields.SCHEMA_NAME, blankToNull(limited(file, r, r.getAttributeValue(null, "schemaname"), problems)), at);
        Map<String, SourceLocation> seen = new java.util.HashMap<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) child(file, r, draft, seen, problems);
        trailing(file, r, problems);
        if (draft.get(AgentFields.SCHEMA_NAME) == null) draft.set(AgentFields.SCHEMA_NAME, folderSchema(file), at);
        if (draft.get(AgentFields.SCHEMA_NAME) == null) {
            problems.add(new Problem(file, at.line(), at.column(),
                    "no schemaname: expected <bot schemaname=\"...\"> in bots/<schemaname>/bot.xml"));
            return Optional.empty();
        }
        return Optional.of(draft);
    }

    /** Moves to the root element; a DOCTYPE is refused before anything it declares is used. */
    private static boolean firstElement(Path file, XMLStreamReader r, Problems problems) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) return true;
            if (event == XMLStreamConstants.DTD) {
                SourceLocation at = here(file, r);
                problems.add(new Problem(file, at.line(), at.column(),
                        "malformed XML: a DOCTYPE is not allowed in a solution export (pac solution writes none)"));
                return false;
            }
        }
        problems.add(Problem.inFile(file, "malformed XML: no root element"));
        return false;
    }

    /** One column; a column given twice (in any letter case) is ambiguous, so it is a problem, not a choice. */
    private void child(Path file, XMLStreamReader r, AgentDraft draft, Map<String, SourceLocation> seen, Problems problems)
            throws XMLStreamException {
        String name = r.getLocalName().toLowerCase(Locale.ROOT);
        SourceLocation at = here(file, r);
        String field = SCALARS.get(name);
        boolean read = field != null || name.equals(GROUPS) || name.equals("synchronizationstatus") || name.equals("statecode");
        if (!read) {
            skip(r);
            return;
        }
        SourceLocation first = seen.putIfAbsent(name, at);
        if (first != null) {
            problems.add(new Problem(file, at.line(), at.column(), "duplicate element <" + SafeText.excerpt(r.getLocalName(), 60)
                    + ">: also given at line " + first.line() + " (element names are compared without letter case)"));
            skip(r);
            return;
        }
        String text = limited(file, r, text(r, json.maxStringLength() + 1), problems);
        if (text == null) return;
        if (field != null) {
            draft.set(field, blankToNull(text), at);
        } else if (name.equals(GROUPS)) {
            groups(draft, text, at);
        } else if (name.equals("synchronizationstatus")) {
            // StAX locates a start tag where it ends: where the element's text begins
            synchronization.read(text, file, at.line(), at.column(), draft, problems);
        } else if (!text.isEmpty() && !text.equals("0")) {
            draft.notLive = "statecode " + text + " (Inactive) in the solution";
        }
    }

    /** Only comments, processing instructions and white space may follow the root element. */
    private static void trailing(Path file, XMLStreamReader r, Problems problems) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            boolean content = event == XMLStreamConstants.START_ELEMENT
                    || (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && !r.isWhiteSpace();
            if (content) {
                SourceLocation at = here(file, r);
                problems.add(new Problem(file, at.line(), at.column(), "malformed XML: content after the end of the <bot> element"));
                return;
            }
        }
    }

    /** The {@code --max-string-length} limit, as for JSON and YAML; null when the text is too long. */
    private String limited(Path file, XMLStreamReader r, String text, Problems problems) {
        if (text == null || text.length() <= json.maxStringLength()) return text;
        SourceLocation at = here(file, r);
        problems.add(new Problem(file, at.line(), at.column(),
                "text longer than --max-string-length (" + json.maxStringLength() + " characters)"));
        return null;
    }

    private static void groups(AgentDraft draft, String list, SourceLocation at) {
        if (list.isEmpty()) return;
        draft.authorizedGroupIds = YamlNodes.splitCommaList(list);
        draft.locations.put(AgentFields.AUTHORIZED_GROUPS, at);
    }

    /**
     * The bot's external triggers: {@code botcomponents/<bot>.<infix>.<name>/botcomponent.xml} whose
     * {@code componenttype} is 17, or whose schema name marks an external trigger, whose parent is this bot and
     * whose {@code statecode} is 0 (an inactive trigger starts nothing).
     */
    private void triggers(SolutionFiles solution, AgentDraft draft, Problems problems) {
        String schema = draft.get(AgentFields.SCHEMA_NAME).toLowerCase(Locale.ROOT);
        List<String> entries;
        try {
            entries = solution.below("botcomponents/");
        } catch (IOException e) {
            problems.add(Problem.inFile(solution.shown("botcomponents"), "cannot read: " + e.getMessage()));
            return;
        }
        for (String entry : entries) {
            String lower = entry.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("botcomponents/" + schema + ".") || !lower.endsWith("/botcomponent.xml")) continue;
            parse(solution, entry, problems, r -> component(solution.shown(entry), r, schema))
                    .ifPresent(draft.triggers::add);
        }
    }

    private static Optional<AgentTrigger> component(Path file, XMLStreamReader r, String bot) throws XMLStreamException {
        if (!r.hasNext() || r.nextTag() != XMLStreamConstants.START_ELEMENT) return Optional.empty();
        SourceLocation at = here(file, r);
        String schemaName = blankToNull(r.getAttributeValue(null, "schemaname"));
        String type = null, name = null, description = null, parent = null, state = null;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (r.getLocalName().toLowerCase(Locale.ROOT)) {
                case "componenttype" -> type = text(r);
                case "name" -> name = blankToNull(text(r));
                case "description" -> description = blankToNull(text(r));
                case "parentbotid" -> parent = parentSchema(r);
                case "statecode" -> state = text(r);
                default -> skip(r);
            }
        }
        boolean inactive = state != null && !state.isEmpty() && !state.equals("0");
        if (schemaName == null || inactive || (parent != null && !parent.equalsIgnoreCase(bot))) return Optional.empty();
        String lower = schemaName.toLowerCase(Locale.ROOT);
        boolean trigger = EXTERNAL_TRIGGER_TYPE.equals(type) || TRIGGER_INFIXES.stream().anyMatch(lower::contains);
        if (!trigger) return Optional.empty();
        String shortName = schemaName.substring(schemaName.lastIndexOf('.') + 1);
        return Optional.of(new AgentTrigger(bot, shortName, description != null ? description : name, at));
    }

    /** {@code <parentbotid><schemaname>bot</schemaname></parentbotid>}. */
    private static String parentSchema(XMLStreamReader r) throws XMLStreamException {
        String schema = null;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (r.getLocalName().equalsIgnoreCase("schemaname")) schema = blankToNull(text(r));
            else skip(r);
        }
        return schema;
    }

    /** The text of the current element, ending on its END_ELEMENT; nested elements contribute nothing. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        return text(r, Integer.MAX_VALUE);
    }

    /** The same, keeping at most {@code max} characters. */
    private static String text(XMLStreamReader r, int max) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            else if (depth == 1 && r.isCharacters() && sb.length() < max) {
                sb.append(r.getTextCharacters(), r.getTextStart(), Math.min(r.getTextLength(), max - sb.length()));
            }
        }
        return sb.toString().trim();
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    private static String folderSchema(Path file) {
        Path folder = file.getParent();
        Path bots = folder == null ? null : folder.getParent();
        if (bots == null || bots.getFileName() == null) return null;
        return bots.getFileName().toString().equalsIgnoreCase("bots") ? folder.getFileName().toString() : null;
    }

    /** The draft channels; null when configuration.json names none (the publish state may). */
    private List<AgentDraft.ChannelDraft> channels(SolutionFiles solution, String entry, Problems problems) {
        Path file = solution.shown(entry);
        JsonValues values = new JsonValues(file, problems);
        List<AgentDraft.ChannelDraft> out = new ArrayList<>();
        boolean[] listed = {false};
        try (InputStream in = solution.open(entry); JsonParser p = json.open(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                values.report(p, "expected the bot configuration as a JSON object");
                return null;
            }
            values.fields(p, (name, v) -> {
                if (name.equals("channels")) {
                    listed[0] = true;
                    values.objects(v, "channels", c -> channel(file, c, values, problems, out));
                } else {
                    JsonValues.skip(v);
                }
            });
            return listed[0] ? out : null;
        } catch (JsonProcessingException e) {
            problems.add(JsonFiles.problem(file, e));
        } catch (IOException e) {
            problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    private static void channel(Path file, JsonParser p, JsonValues values, Problems problems,
                                List<AgentDraft.ChannelDraft> out) throws IOException {
        SourceLocation at = JsonFiles.here(file, p);
        String[] id = {null};
        values.fields(p, (name, v) -> {
            if (name.equals("channelId")) id[0] = values.string(v, "channels[].channelId");
            else JsonValues.skip(v);
        });
        if (id[0] != null && !id[0].isBlank()) {
            out.add(new AgentDraft.ChannelDraft(id[0].trim(), at));
            return;
        }
        problems.add(new Problem(file, at.line(), at.column(), "channels[]: expected an entry with a channelId"));
    }

    private static SourceLocation here(Path file, XMLStreamReader r) {
        Location l = r.getLocation();
        return SourceLocation.of(file, l.getLineNumber(), l.getColumnNumber());
    }

    private static Problem malformed(Path file, XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int cut = message.indexOf("Message: ");
        if (cut >= 0) message = message.substring(cut + "Message: ".length());
        message = SafeText.excerpt(message, 200);
        Location l = e.getLocation();
        return l == null ? Problem.inFile(file, "malformed XML: " + message)
                : new Problem(file, Math.max(0, l.getLineNumber()), Math.max(0, l.getColumnNumber()), "malformed XML: " + message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
